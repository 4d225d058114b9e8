// Test cases for rules/semgrep/scanfold.yml (Go rules).
// Run: semgrep --test --config rules/semgrep/ rules/semgrep/tests/
package main

import (
	"bytes"
	"database/sql"
	"encoding/base64"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

var db *sql.DB

func students(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: scanfold.go.sql-injection
	rows, _ := db.Query(fmt.Sprintf("SELECT id FROM students WHERE name = '%s'", name))
	defer rows.Close()
	// ruleid: scanfold.go.sql-injection
	db.Exec("DELETE FROM students WHERE id = " + r.FormValue("id"))
	// ruleid: scanfold.go.sql-injection
	db.QueryRowContext(r.Context(), "SELECT * FROM marks WHERE course = '"+r.PostFormValue("course")+"'")
	// ok: scanfold.go.sql-injection
	db.Query("SELECT id FROM students WHERE name = $1", name)
	id, _ := strconv.Atoi(r.FormValue("id"))
	// ok: scanfold.go.sql-injection
	db.Exec(fmt.Sprintf("DELETE FROM students WHERE id = %d", id))
}

// A data-access function (dvpwa style): the handler passes the request value in.
func createStudent(name string) error {
	query := fmt.Sprintf("INSERT INTO students (name) VALUES ('%s')", name)
	// ruleid: scanfold.go.sql-injection
	_, err := db.Exec(query)
	return err
}

func countStudents() int {
	var n int
	// ok: scanfold.go.sql-injection
	db.QueryRow("SELECT count(*) FROM students").Scan(&n)
	return n
}

func proxy(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: scanfold.go.ssrf
	resp, _ := http.Get(target)
	defer resp.Body.Close()
	// ruleid: scanfold.go.ssrf
	req, _ := http.NewRequest("GET", "http://"+r.Header.Get("X-Host")+"/health", nil)
	_ = req
	// ok: scanfold.go.ssrf
	http.Get("https://api.example.com/status")
}

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: scanfold.go.path-traversal
	data, _ := os.ReadFile(filepath.Join("/srv/files", name))
	w.Write(data)
	// ruleid: scanfold.go.path-traversal
	http.ServeFile(w, r, "/srv/files/"+name)
	// ok: scanfold.go.path-traversal
	os.ReadFile(filepath.Join("/srv/files", filepath.Base(name)))
}

func run(w http.ResponseWriter, r *http.Request) {
	// ruleid: scanfold.go.command-injection
	exec.Command("sh", "-c", "tar xf "+r.FormValue("archive")).Run()
	// ruleid: scanfold.go.command-injection
	exec.Command(r.FormValue("tool"), "--version").Run()
	// ok: scanfold.go.command-injection
	exec.Command("convert", r.FormValue("file"), "out.png").Run()
}

type Session struct {
	User  string
	Roles []string
}

// A session the client sends back (request body, or a cookie), decoded with gob.
func restoreSession(w http.ResponseWriter, r *http.Request) {
	var s Session
	// ruleid: scanfold.go.deserialization
	gob.NewDecoder(r.Body).Decode(&s)
	c, _ := r.Cookie("session")
	raw, _ := base64.StdEncoding.DecodeString(c.Value)
	// ruleid: scanfold.go.deserialization
	dec := gob.NewDecoder(bytes.NewReader(raw))
	dec.Decode(&s)
	// ok: scanfold.go.deserialization
	json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&s)
	// The server's own state file: not request data.
	f, _ := os.Open("/var/lib/app/sessions.gob")
	// ok: scanfold.go.deserialization
	gob.NewDecoder(f).Decode(&s)
}

// The same in gin and echo handlers: the body is the request's.
func restoreGin(c *gin.Context) {
	var s Session
	// ruleid: scanfold.go.deserialization
	gob.NewDecoder(c.Request.Body).Decode(&s)
	// ok: scanfold.go.deserialization
	c.BindJSON(&s)
}

func restoreEcho(c echo.Context) error {
	var s Session
	// ruleid: scanfold.go.deserialization
	return gob.NewDecoder(c.Request().Body).Decode(&s)
}
