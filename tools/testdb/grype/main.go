// Command grype-testdb builds a small, real Grype vulnerability database
// (schema v6, SQLite) from vunnel-format provider fixtures, so that
// `GRYPE_DB_CACHE_DIR=<out> GRYPE_DB_AUTO_UPDATE=false grype ...` can scan
// offline.
//
// It drives the same code path grype's own fixture DBs go through
// (grype internal/dbtest and grype/db/v6/testdb.BuildFromFlatFileDir):
// provider workspaces -> provider.ReadState -> db.Build (grype-db's
// processors, transformers and v6 writer) -> hydrate + import.json.
//
// Input layout (same as grype's fixture dirs, e.g.
// grype/matcher/golang/testdata/govulndb-and-ghsa):
//
//	<fixtures>/<provider>/metadata.json        vunnel provider state
//	<fixtures>/<provider>/results/**/*.json    vunnel result envelopes
//
// Output layout (what grype expects under GRYPE_DB_CACHE_DIR):
//
//	<out>/6/vulnerability.db
//	<out>/6/import.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/anchore/grype/grype/db"
	"github.com/anchore/grype/grype/db/provider"
	v6 "github.com/anchore/grype/grype/db/v6"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "grype-testdb:", err)
		os.Exit(1)
	}
}

func run() error {
	fixtures := flag.String("fixtures", "", "directory holding one vunnel provider workspace per subdirectory")
	out := flag.String("out", "", "GRYPE_DB_CACHE_DIR to write; the DB goes to <out>/6/")
	flag.Parse()
	if *fixtures == "" || *out == "" {
		flag.Usage()
		return fmt.Errorf("-fixtures and -out are required")
	}

	// Work on a copy: listing files and provider timestamps are generated,
	// and the fixture tree must stay untouched.
	work, err := os.MkdirTemp("", "grype-testdb-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := os.CopyFS(work, os.DirFS(*fixtures)); err != nil {
		return fmt.Errorf("copy fixtures: %w", err)
	}

	now := time.Now().UTC().Truncate(time.Second)
	states, err := loadStates(work, now)
	if err != nil {
		return err
	}

	dbDir := filepath.Join(*out, fmt.Sprint(v6.ModelVersion))
	if err := os.RemoveAll(dbDir); err != nil {
		return err
	}
	if err := os.MkdirAll(dbDir, 0o755); err != nil {
		return err
	}

	// Same settings as grype's internal/dbtest.buildDatabase.
	cfg := db.BuildConfig{
		SchemaVersion:       v6.ModelVersion,
		Directory:           dbDir,
		States:              states,
		Timestamp:           now,
		Hydrate:             true, // writes import.json with the DB checksum
		IncludeCPEParts:     []string{"a", "h", "o"},
		InferNVDFixVersions: true,
		BatchSize:           100,
		SQLiteCacheSizeKiB:  16 * 1024,
	}
	if err := db.Build(cfg); err != nil {
		return fmt.Errorf("build: %w", err)
	}

	return report(dbDir)
}

// loadStates prepares every provider workspace under root the way grype's
// internal/dbtest.parseWorkspaceProviders does: generate the results
// listing, then read the vunnel state.
func loadStates(root string, ts time.Time) (provider.States, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var states provider.States
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		ws := provider.NewWorkspaceFromExisting(filepath.Join(root, e.Name()))
		if _, err := os.Stat(ws.StatePath()); err != nil {
			continue
		}
		if err := ws.EnsureListingFile(); err != nil {
			return nil, fmt.Errorf("%s: listing: %w", e.Name(), err)
		}
		if err := stampState(ws, ts); err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		st, err := ws.ReadState()
		if err != nil {
			return nil, fmt.Errorf("%s: read state: %w", e.Name(), err)
		}
		if len(st.ResultPaths()) == 0 {
			return nil, fmt.Errorf("%s: no result files", e.Name())
		}
		states = append(states, *st)
	}
	if len(states) == 0 {
		return nil, fmt.Errorf("no provider workspaces (dirs with metadata.json) in fixtures")
	}
	sort.SliceStable(states, func(i, j int) bool { return states[i].Provider < states[j].Provider })
	return states, nil
}

// stampState points the provider state at the generated listing (with its
// real digest) and sets the provider timestamp to the build time.
func stampState(ws provider.Workspace, ts time.Time) error {
	raw, err := os.ReadFile(ws.StatePath())
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("metadata.json: %w", err)
	}
	digest, err := provider.HashFileXXH64(ws.ListingPath())
	if err != nil {
		return err
	}
	m["timestamp"] = ts.Format(time.RFC3339)
	m["store"] = "flat-file"
	m["listing"] = map[string]any{"path": "results/listing.xxh64", "digest": digest, "algorithm": "xxh64"}
	raw, err = json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(ws.StatePath(), raw, 0o644)
}

func report(dbDir string) error {
	dbFile := filepath.Join(dbDir, v6.VulnerabilityDBFileName)
	desc, err := v6.ReadDescription(dbFile)
	if err != nil {
		return fmt.Errorf("read back description: %w", err)
	}
	gdb, err := v6.NewLowLevelDB(dbFile, false, false, false)
	if err != nil {
		return fmt.Errorf("read back: %w", err)
	}
	var rows []struct {
		Vuln      string
		Ecosystem string
		Pkg       string
	}
	err = gdb.Raw(`SELECT v.name AS vuln, p.ecosystem AS ecosystem, p.name AS pkg
		FROM affected_package_handles a
		JOIN vulnerability_handles v ON v.id = a.vulnerability_id
		JOIN packages p ON p.id = a.package_id
		ORDER BY p.ecosystem, p.name, v.name`).Scan(&rows).Error
	if err != nil {
		return fmt.Errorf("read back: %w", err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("built DB has no affected packages")
	}

	fmt.Printf("wrote %s (schema %s, built %s)\n", dbFile, desc.SchemaVersion, desc.Built)
	var files []string
	_ = filepath.WalkDir(dbDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, strings.TrimPrefix(p, dbDir+string(os.PathSeparator)))
		}
		return nil
	})
	fmt.Printf("files in %s: %s\n", dbDir, strings.Join(files, ", "))
	for _, r := range rows {
		fmt.Printf("  %-8s %-10s %s\n", r.Ecosystem, r.Pkg, r.Vuln)
	}
	return nil
}
