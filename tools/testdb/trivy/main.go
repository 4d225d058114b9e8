// Command trivy-testdb builds a small, real Trivy vulnerability database
// (trivy-db schema v2, BoltDB) from YAML advisory fixtures, so that
// `trivy --cache-dir <out> --skip-db-update` can run vulnerability scans
// offline.
//
// The fixtures use the same shape as Trivy's own integration fixtures
// (integration/testdata/fixtures/db/*.yaml) and are loaded with the same
// library Trivy's test helper (internal/dbtest.InitDB) uses:
// github.com/aquasecurity/bolt-fixtures. The result is then re-opened with
// trivy-db's own pkg/db and every value is decoded into trivy-db's types to
// catch fixture mistakes before Trivy silently ignores them.
//
// Output layout (what trivy expects under --cache-dir):
//
//	<out>/db/trivy.db
//	<out>/db/metadata.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	fixtures "github.com/aquasecurity/bolt-fixtures"
	trivydb "github.com/aquasecurity/trivy-db/pkg/db"
	"github.com/aquasecurity/trivy-db/pkg/metadata"
	"github.com/aquasecurity/trivy-db/pkg/types"
	bolt "go.etcd.io/bbolt"
)

const (
	dataSourceBucket    = "data-source"
	vulnerabilityBucket = "vulnerability"
)

type fileList []string

func (f *fileList) String() string     { return strings.Join(*f, ",") }
func (f *fileList) Set(v string) error { *f = append(*f, v); return nil }

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "trivy-testdb:", err)
		os.Exit(1)
	}
}

func run() error {
	var files fileList
	flag.Var(&files, "fixtures", "advisory fixture YAML file (repeatable)")
	out := flag.String("out", "", "output cache dir; the DB is written to <out>/db/trivy.db")
	nextUpdate := flag.String("next-update", "2099-01-01T00:00:00Z", "metadata NextUpdate (RFC 3339)")
	updatedAt := flag.String("updated-at", "", "metadata UpdatedAt/DownloadedAt (RFC 3339); default: now")
	flag.Parse()

	if *out == "" || len(files) == 0 {
		flag.Usage()
		return fmt.Errorf("-out and at least one -fixtures are required")
	}
	next, err := time.Parse(time.RFC3339, *nextUpdate)
	if err != nil {
		return fmt.Errorf("-next-update: %w", err)
	}
	updated := time.Now().UTC().Truncate(time.Second)
	if *updatedAt != "" {
		if updated, err = time.Parse(time.RFC3339, *updatedAt); err != nil {
			return fmt.Errorf("-updated-at: %w", err)
		}
	}

	dbDir := filepath.Join(*out, "db") // == trivy pkg/db.Dir(cacheDir)
	if err := os.MkdirAll(dbDir, 0o755); err != nil {
		return err
	}
	dbPath := trivydb.Path(dbDir) // <dbDir>/trivy.db
	// Always build from scratch so removed fixtures do not linger.
	for _, p := range []string{dbPath, metadata.Path(dbDir)} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
	}

	// 1. Load the fixtures exactly like trivy's internal/dbtest.InitDB.
	loader, err := fixtures.New(dbPath, files)
	if err != nil {
		return fmt.Errorf("open %s: %w", dbPath, err)
	}
	if err := loader.Load(); err != nil {
		loader.Close()
		return fmt.Errorf("load fixtures: %w", err)
	}
	if err := loader.Close(); err != nil {
		return err
	}

	// 2. Re-open with trivy-db and validate every record against its types.
	if err := trivydb.Init(dbDir); err != nil {
		return fmt.Errorf("trivy-db init: %w", err)
	}
	sum, verr := validate()
	if err := trivydb.Close(); err != nil {
		return err
	}
	if verr != nil {
		_ = os.Remove(dbPath) // never leave a half-valid DB behind
		return fmt.Errorf("invalid fixtures: %w", verr)
	}

	// 3. metadata.json (the file trivy checks before using the DB).
	meta := metadata.Metadata{
		Version:      trivydb.SchemaVersion,
		NextUpdate:   next,
		UpdatedAt:    updated,
		DownloadedAt: updated,
	}
	if err := metadata.NewClient(dbDir).Update(meta); err != nil {
		return fmt.Errorf("write metadata: %w", err)
	}
	if err := os.Chmod(metadata.Path(dbDir), 0o644); err != nil {
		return err
	}

	fmt.Printf("wrote %s (schema v%d)\n", dbPath, trivydb.SchemaVersion)
	fmt.Printf("wrote %s\n", metadata.Path(dbDir))
	fmt.Print(sum)
	return nil
}

// validate walks the DB with trivy-db's own accessors.
func validate() (string, error) {
	dbc := trivydb.Config{}
	var (
		problems   []string
		summary    strings.Builder
		advisoryID = map[string]bool{}
	)
	bad := func(format string, a ...any) { problems = append(problems, fmt.Sprintf(format, a...)) }

	err := trivydb.Config{}.Connection().View(func(tx *bolt.Tx) error {
		ds := tx.Bucket([]byte(dataSourceBucket))
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			bkt := string(name)
			switch bkt {
			case dataSourceBucket:
				return b.ForEach(func(k, v []byte) error {
					var d types.DataSource
					checkStrict(bad, "data-source/"+string(k), v, &d)
					if d.ID == "" || d.Name == "" {
						bad("data-source/%s: ID and Name are required", k)
					}
					return nil
				})
			case vulnerabilityBucket:
				return b.ForEach(func(k, v []byte) error {
					var vuln types.Vulnerability
					checkStrict(bad, "vulnerability/"+string(k), v, &vuln)
					if vuln.Severity != "" {
						if _, err := types.NewSeverity(vuln.Severity); err != nil {
							bad("vulnerability/%s: %v", k, err)
						}
					}
					for src, s := range vuln.VendorSeverity {
						if s < types.SeverityUnknown || s > types.SeverityCritical {
							bad("vulnerability/%s: VendorSeverity[%s]=%d out of range", k, src, s)
						}
					}
					return nil
				})
			}
			if !strings.Contains(bkt, "::") {
				return nil // OS buckets etc.: no extra checks
			}
			// Language advisory bucket: "<ecosystem>::<data source name>".
			if ds == nil || ds.Get(name) == nil {
				bad("%s: no matching entry in the data-source bucket", bkt)
			}
			return b.ForEach(func(pkg, v []byte) error {
				if v != nil {
					bad("%s/%s: expected a package bucket, found a value", bkt, pkg)
					return nil
				}
				pb := b.Bucket(pkg)
				_ = pb.ForEach(func(id, raw []byte) error {
					var adv types.Advisory
					checkStrict(bad, bkt+"/"+string(pkg)+"/"+string(id), raw, &adv)
					if len(adv.VulnerableVersions) == 0 && len(adv.PatchedVersions) == 0 {
						bad("%s/%s/%s: neither VulnerableVersions nor PatchedVersions", bkt, pkg, id)
					}
					advisoryID[string(id)] = true
					return nil
				})
				// Read back through trivy-db's own reader too.
				advs, err := dbc.GetAdvisories(bkt, string(pkg))
				if err != nil {
					bad("%s/%s: GetAdvisories: %v", bkt, pkg, err)
				}
				for _, a := range advs {
					if a.DataSource == nil {
						bad("%s/%s/%s: trivy-db resolved no data source", bkt, pkg, a.VulnerabilityID)
					}
				}
				fmt.Fprintf(&summary, "  %-40s %-12s %d advisories\n", bkt, pkg, len(advs))
				return nil
			})
		})
	})
	if err != nil {
		return "", err
	}

	ids := make([]string, 0, len(advisoryID))
	for id := range advisoryID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		v, err := dbc.GetVulnerability(id)
		if err != nil {
			bad("vulnerability/%s: %v", id, err)
			continue
		}
		if v.Title == "" && v.Description == "" {
			bad("vulnerability/%s: missing (advisory without details)", id)
		}
	}
	fmt.Fprintf(&summary, "  %d distinct vulnerability IDs with details\n", len(ids))

	if len(problems) > 0 {
		return "", fmt.Errorf("\n  %s", strings.Join(problems, "\n  "))
	}
	return summary.String(), nil
}

// checkStrict decodes raw into dst (a trivy-db type) and reports JSON keys
// that the type does not know, e.g. a misspelt "VulnerableVersion".
func checkStrict(bad func(string, ...any), where string, raw []byte, dst any) {
	if err := json.Unmarshal(raw, dst); err != nil {
		bad("%s: %v", where, err)
		return
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		bad("%s: not a JSON object: %v", where, err)
		return
	}
	known := jsonFields(reflect.TypeOf(dst).Elem())
	if _, ok := dst.(*types.Advisory); ok {
		known = append(known, "Status") // stored as int by Advisory.MarshalJSON
	}
	for k := range m {
		if !slices.Contains(known, k) {
			bad("%s: unknown field %q", where, k)
		}
	}
}

func jsonFields(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	return names
}
