// A tiny Go service for Scanfold's end-to-end tests. DO NOT DEPLOY IT.
//
// It pins two modules with known advisories (see go.mod and EXPECTED.md):
//   - golang.org/x/text v0.3.7: GO-2022-1059 (CVE-2022-32149). handleLanguage calls
//     language.ParseAcceptLanguage, the vulnerable function, on request input: reachable.
//   - github.com/gorilla/websocket v1.4.0: GO-2020-0019 (CVE-2020-27813). The package is
//     imported, but only IsWebSocketUpgrade is called, never the frame reader: unreachable.
package main

import (
	"fmt"
	"log"
	"net/http"

	"github.com/gorilla/websocket"
	"golang.org/x/text/language"
)

func handleLanguage(w http.ResponseWriter, r *http.Request) {
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil {
		http.Error(w, "bad Accept-Language", http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "languages: %v\n", tags)
}

func handleUpgradeCheck(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "websocket upgrade requested: %v\n", websocket.IsWebSocketUpgrade(r))
}

func main() {
	http.HandleFunc("/lang", handleLanguage)
	http.HandleFunc("/ws-check", handleUpgradeCheck)
	log.Fatal(http.ListenAndServe("127.0.0.1:8080", nil))
}
