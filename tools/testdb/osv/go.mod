module github.com/scanfold/scanfold/tools/testdb/osv

go 1.26

require (
	github.com/ossf/osv-schema/bindings/go v0.0.0-20260730052020-9509daabeece
	google.golang.org/protobuf v1.36.12-0.20260120151049-f2248ac996af
)
