// Installs everything the tests and the example need, idempotently, into the per-user cache:
// the pinned scanners (scanfold install) and the fixture vulnerability DBs for Trivy, Grype and OSV.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cache = path.join(
  process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
  'scanfold',
);
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: 'inherit', cwd: repo, ...options });

function hashTree(...entries) {
  const hash = createHash('sha256');
  const visit = (file) => {
    if (statSync(file).isDirectory())
      for (const name of readdirSync(file).sort()) visit(path.join(file, name));
    else hash.update(path.relative(repo, file)).update(readFileSync(file));
  };
  for (const entry of entries) visit(path.join(repo, entry));
  return hash.digest('hex').slice(0, 16);
}

/** Run `build` unless `stamp` records the same key: reruns are free, changed inputs rebuild. */
function once(stamp, key, label, build) {
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key)
    return console.log(`${label}: up to date`);
  const started = Date.now();
  build();
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, key);
  console.log(`${label}: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const only = process.argv.slice(2);

// The HTML report's browser test uses Debian's chromium, report.pdf its headless shell; the PDF
// test reads text back with pdftotext (poppler-utils). Installed once, as root, with apt-get;
// skipped otherwise.
function ensureDebianPackages() {
  const missing = (wanted) => wanted.filter(([file]) => !existsSync(file)).map(([, name]) => name);
  const needed = missing([
    ['/usr/bin/chromium', 'chromium'],
    ['/usr/bin/pdftotext', 'poppler-utils'],
    // Without recommends Chromium brings no font: text would print as empty boxes.
    ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'fonts-dejavu-core'],
  ]);
  // report.pdf's printer when there: the same engine at a third of the CPU (src/outputs/pdf.ts).
  // Without it report.pdf is printed by chromium, so a mirror lacking it is a note, not a failure.
  const wanted = missing([['/usr/bin/chromium-headless-shell', 'chromium-headless-shell']]);
  if (needed.length + wanted.length === 0)
    return console.log('chromium, its headless shell, pdftotext, fonts: present');
  const names = [...needed, ...wanted];
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
    return console.log(
      `note: ${names.join(', ')} not installed (needs root and apt-get): the HTML report browser test will fail and report.pdf is skipped`,
    );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (packages) =>
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  const update = () => run('apt-get', ['update', '-qq'], { env });
  if (needed.length > 0) {
    update();
    install(needed);
  }
  if (wanted.length === 0) return;
  try {
    if (needed.length === 0) update();
    install(wanted);
  } catch {
    console.log(`note: ${wanted.join(', ')} not installed: report.pdf is printed by chromium`);
  }
}
if (!only.includes('--db-only')) ensureDebianPackages();
if (!only.includes('--db-only')) run(process.execPath, ['src/cli/index.ts', 'install']);
// Trivy's check metadata, which test/iac-pairs.test.ts compares the Trivy↔Checkov pairs against.
if (!only.includes('--db-only')) run(process.execPath, ['scripts/trivy-checks.ts', '--fetch']);

const bin = path.join(cache, 'testdb', 'bin');
// osv: OSV-Scanner's offline zips and govulncheck's vulndb layout, from test/fixtures/vulndb/osv.
const FIXTURES = {
  trivy: 'test/fixtures/vulndb/advisories.yaml',
  grype: 'test/fixtures/vulndb/grype',
  osv: 'test/fixtures/vulndb/osv',
};
for (const tool of ['trivy', 'grype', 'osv']) {
  const source = path.join(repo, 'tools', 'testdb', tool);
  const builder = path.join(bin, `${tool}-testdb`);
  once(
    path.join(bin, `${tool}-testdb.stamp`),
    hashTree(`tools/testdb/${tool}`),
    `${tool}-testdb builder`,
    () =>
      run('go', ['build', '-trimpath', '-o', builder, '.'], {
        cwd: source,
        env: { ...process.env, CGO_ENABLED: '0' },
      }),
  );
  const fixtures = FIXTURES[tool];
  const out = path.join(cache, 'testdb', tool);
  once(
    path.join(cache, 'testdb', `${tool}.stamp`),
    hashTree(fixtures, `tools/testdb/${tool}`),
    `${tool} fixture DB`,
    () => {
      rmSync(out, { recursive: true, force: true });
      run(builder, ['-fixtures', path.join(repo, fixtures), '-out', out], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    },
  );
}

// govulncheck loads the example's Go packages: fetch its modules once, from the Go module proxy.
run('go', ['mod', 'download'], { cwd: path.join(repo, 'examples', 'vulnerable-app') });
