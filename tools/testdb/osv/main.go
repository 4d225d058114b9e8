// Command osv-testdb builds small, real OSV vulnerability databases from fixture advisories, in
// the two local layouts the Go-based OSV consumers read:
//
//   - <out>/osv-scalibr/<Ecosystem>/all.zip: OSV-Scanner's offline database
//     (`osv-scanner scan --offline-vulnerabilities --local-db-path <out>`; osv-scalibr's
//     enricher/vulnmatch/osvlocal reads <local-db-path>/osv-scalibr/<ecosystem>/all.zip and
//     silently skips entries it cannot decode, so every entry is decoded here first with the same
//     protobuf binding and rejected loudly instead).
//   - <out>/govulndb/{index/db.json,index/modules.json,ID/<id>.json}: the Go vulnerability
//     database v1 layout (`govulncheck -db file://<out>/govulndb`), Go-ecosystem entries only.
//
// Input: a directory of OSV JSON files, one advisory each, named <id>.json.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ossf/osv-schema/bindings/go/osvschema"
	"google.golang.org/protobuf/encoding/protojson"
)

type advisory struct {
	id       string
	raw      []byte
	vuln     *osvschema.Vulnerability
	modified time.Time
}

// govulncheck's index types (golang.org/x/vuln/internal/client/schema.go).
type moduleVuln struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Fixed    string    `json:"fixed,omitempty"`
}

type moduleMeta struct {
	Path  string       `json:"path"`
	Vulns []moduleVuln `json:"vulns"`
}

func main() {
	fixtures := flag.String("fixtures", "", "directory of OSV advisories (*.json)")
	out := flag.String("out", "", "output directory")
	flag.Parse()
	if *fixtures == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: osv-testdb -fixtures DIR -out DIR")
		os.Exit(2)
	}
	if err := build(*fixtures, *out); err != nil {
		fmt.Fprintln(os.Stderr, "osv-testdb:", err)
		_ = os.RemoveAll(*out)
		os.Exit(1)
	}
}

func load(dir string) ([]advisory, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.json advisories in %s", dir)
	}
	sort.Strings(files)
	var advisories []advisory
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		vuln := &osvschema.Vulnerability{}
		// Strict: an unknown or misspelt field is an error, not a silently dropped advisory.
		if err := protojson.Unmarshal(raw, vuln); err != nil {
			return nil, fmt.Errorf("%s: not a valid OSV record: %w", file, err)
		}
		if want := strings.TrimSuffix(filepath.Base(file), ".json"); vuln.GetId() != want {
			return nil, fmt.Errorf("%s: id %q does not match the file name", file, vuln.GetId())
		}
		if vuln.GetModified() == nil {
			return nil, fmt.Errorf("%s: modified is required", file)
		}
		if len(vuln.GetAffected()) == 0 {
			return nil, fmt.Errorf("%s: no affected packages", file)
		}
		for _, affected := range vuln.GetAffected() {
			if affected.GetPackage().GetEcosystem() == "" || affected.GetPackage().GetName() == "" {
				return nil, fmt.Errorf("%s: affected package without ecosystem or name", file)
			}
			if len(affected.GetRanges()) == 0 && len(affected.GetVersions()) == 0 {
				return nil, fmt.Errorf("%s: %s has neither ranges nor versions", file, affected.GetPackage().GetName())
			}
		}
		advisories = append(advisories, advisory{
			id:       vuln.GetId(),
			raw:      raw,
			vuln:     vuln,
			modified: vuln.GetModified().AsTime().UTC(),
		})
	}
	return advisories, nil
}

func build(fixtures, out string) error {
	advisories, err := load(fixtures)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := writeScalibrZips(advisories, filepath.Join(out, "osv-scalibr")); err != nil {
		return err
	}
	return writeGoVulnDB(advisories, filepath.Join(out, "govulndb"))
}

// An advisory goes into the archive of every ecosystem it affects, as osv.dev's all.zip do.
func writeScalibrZips(advisories []advisory, dir string) error {
	byEcosystem := map[string][]advisory{}
	for _, adv := range advisories {
		seen := map[string]bool{}
		for _, affected := range adv.vuln.GetAffected() {
			// "Debian:12" lives in the Debian archive.
			eco, _, _ := strings.Cut(affected.GetPackage().GetEcosystem(), ":")
			if !seen[eco] {
				seen[eco] = true
				byEcosystem[eco] = append(byEcosystem[eco], adv)
			}
		}
	}
	for eco, list := range byEcosystem {
		var buf bytes.Buffer
		archive := zip.NewWriter(&buf)
		for _, adv := range list {
			header := &zip.FileHeader{Name: adv.id + ".json", Method: zip.Deflate, Modified: adv.modified}
			w, err := archive.CreateHeader(header)
			if err != nil {
				return err
			}
			if _, err := w.Write(adv.raw); err != nil {
				return err
			}
		}
		if err := archive.Close(); err != nil {
			return err
		}
		target := filepath.Join(dir, eco, "all.zip")
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Printf("osv-scalibr/%s/all.zip: %d advisories\n", eco, len(list))
	}
	return nil
}

func writeGoVulnDB(advisories []advisory, dir string) error {
	modules := map[string]*moduleMeta{}
	var latest time.Time
	count := 0
	for _, adv := range advisories {
		isGo := false
		for _, affected := range adv.vuln.GetAffected() {
			if affected.GetPackage().GetEcosystem() != "Go" {
				continue
			}
			if !strings.HasPrefix(adv.id, "GO-") {
				return fmt.Errorf("%s: the Go vulnerability database holds GO-YYYY-NNNN ids only", adv.id)
			}
			isGo = true
			path := affected.GetPackage().GetName()
			meta := modules[path]
			if meta == nil {
				meta = &moduleMeta{Path: path}
				modules[path] = meta
			}
			meta.Vulns = append(meta.Vulns, moduleVuln{ID: adv.id, Modified: adv.modified, Fixed: latestFixed(affected)})
		}
		if !isGo {
			continue
		}
		count++
		if adv.modified.After(latest) {
			latest = adv.modified
		}
		if err := writeFile(filepath.Join(dir, "ID", adv.id+".json"), adv.raw); err != nil {
			return err
		}
	}
	if count == 0 {
		return fmt.Errorf("no Go-ecosystem advisories for the Go vulnerability database")
	}
	list := make([]*moduleMeta, 0, len(modules))
	for _, meta := range modules {
		sort.Slice(meta.Vulns, func(i, j int) bool { return meta.Vulns[i].ID < meta.Vulns[j].ID })
		list = append(list, meta)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Path < list[j].Path })
	index, err := json.Marshal(list)
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "index", "modules.json"), index); err != nil {
		return err
	}
	db, err := json.Marshal(map[string]time.Time{"modified": latest})
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, "index", "db.json"), db); err != nil {
		return err
	}
	fmt.Printf("govulndb: %d advisories, %d modules\n", count, len(list))
	return nil
}

// The last fixed version of the SEMVER ranges (Go vulndb ranges are ordered), without "v".
func latestFixed(affected *osvschema.Affected) string {
	fixed := ""
	for _, r := range affected.GetRanges() {
		if r.GetType() != osvschema.Range_SEMVER {
			continue
		}
		for _, event := range r.GetEvents() {
			if event.GetFixed() != "" {
				fixed = event.GetFixed()
			}
		}
	}
	return fixed
}

func writeFile(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, data, 0o644)
}
