// Orchestration overhead: `scanfold scan` against bench/launcher.sh, a plain shell script that
// starts the same six scanners with the same flags (`&` and `wait`), measured in the same run,
// paired and alternating so machine noise hits both alike. Target: ≤ 1.05× the launcher.
//   node bench/overhead.ts [rounds] [target-dir]
// Needs `npm run setup` (scanners, fixture DBs) and `npm run build` (dist/cli.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testDbDir } from '../scripts/example-scan.ts';
import { defaultToolCache } from '../src/config/schema.ts';
import { toolDir } from '../src/install/installer.ts';
import { loadManifest } from '../src/install/manifest.ts';

const root = path.resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? '5');
const target = path.resolve(process.argv[3] ?? path.join(root, 'examples', 'vulnerable-app'));
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js missing: run npm run build');

const manifest = loadManifest();
const executable = (tool: string): string =>
  path.join(toolDir(defaultToolCache(), tool, manifest.tools[tool]?.version ?? ''), 'bin', tool);
const TOOLS = ['trivy', 'semgrep', 'gitleaks', 'checkov', 'syft', 'grype'];

/** CPU seconds (user + system) of every process each side ran, from /usr/bin/time. */
const cpu = { launcher: [] as number[], scanfold: [] as number[], noPdf: [] as number[] };

function timed(
  side: keyof typeof cpu,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): number {
  const usage = path.join(mkdtempSync(path.join(os.tmpdir(), 'scanfold-time-')), 'usage');
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', usage, command, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0)
    throw new Error(`${command} exited with ${run.status ?? run.signal}: ${String(run.stderr)}`);
  const [user = NaN, system = NaN] = readFileSync(usage, 'utf8').trim().split(/\s+/).map(Number);
  cpu[side].push(user + system);
  rmSync(path.dirname(usage), { recursive: true, force: true });
  return wall;
}

function launcher(): number {
  const out = mkdtempSync(path.join(os.tmpdir(), 'scanfold-launcher-'));
  try {
    return timed('launcher', path.join(root, 'bench', 'launcher.sh'), [target, out], {
      ...process.env,
      ...Object.fromEntries(TOOLS.map((tool) => [tool.toUpperCase(), executable(tool)])),
      TRIVY_CACHE_DIR: testDbDir('trivy'),
      GRYPE_DB_CACHE_DIR: testDbDir('grype'),
      SEMGREP_RULES: path.join(root, 'rules', 'semgrep', 'scanfold.yml'),
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** `scanfold scan` with every output; `pdf: false` leaves report.pdf out (SCANFOLD_PDF=0). */
function scanfold(pdf = true): number {
  const out = mkdtempSync(path.join(os.tmpdir(), 'scanfold-overhead-'));
  try {
    return timed(
      pdf ? 'scanfold' : 'noPdf',
      process.execPath,
      [
        cli,
        'scan',
        target,
        '--out',
        out,
        '--fail-on',
        'none',
        '--offline',
        '--no-install',
        '--trivy-cache-dir',
        testDbDir('trivy'),
        '--grype-db-dir',
        testDbDir('grype'),
        // The same six scanners as the launcher (not the Go-only ones), all started at once.
        '--scanners',
        TOOLS.join(','),
        '--concurrency',
        String(TOOLS.length),
      ],
      {
        ...process.env,
        SCANFOLD_TOOL_CACHE: defaultToolCache(),
        ...(pdf ? {} : { SCANFOLD_PDF: '0' }),
      },
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

launcher();
scanfold(); // warm-up: page cache, Python imports
cpu.launcher.length = 0;
cpu.scanfold.length = 0;
const plain: number[] = [];
const ours: number[] = [];
const oursNoPdf: number[] = [];
for (let round = 0; round < rounds; round++) {
  // Alternate which goes first, so a slow moment of the machine does not favour one side.
  if (round % 2 === 0) {
    plain.push(launcher());
    ours.push(scanfold());
    oursNoPdf.push(scanfold(false));
  } else {
    oursNoPdf.push(scanfold(false));
    ours.push(scanfold());
    plain.push(launcher());
  }
}
const ratios = ours.map((time, index) => time / (plain[index] ?? NaN));
const ratiosNoPdf = oursNoPdf.map((time, index) => time / (plain[index] ?? NaN));
console.log(
  `target: ${path.relative(root, target) || '.'}; cores: ${os.availableParallelism()}; rounds: ${rounds}`,
);
console.log(
  `launcher (bench/launcher.sh): median ${median(plain).toFixed(2)} s  [${plain.map((t) => t.toFixed(2)).join(', ')}]`,
);
console.log(
  `scanfold scan:               median ${median(ours).toFixed(2)} s  [${ours.map((t) => t.toFixed(2)).join(', ')}]`,
);
console.log(
  `scanfold scan, no report.pdf:  median ${median(oursNoPdf).toFixed(2)} s  [${oursNoPdf.map((t) => t.toFixed(2)).join(', ')}]`,
);
// Each pair's ratio too: run to run they spread by several percent, as much as the target's margin.
const spread = (values: readonly number[]): string =>
  `[${values.map((ratio) => ratio.toFixed(3)).join(', ')}]`;
console.log(
  `ratio (median of paired ratios): ${median(ratios).toFixed(3)}x  (target ≤ 1.05x)  ${spread(ratios)}`,
);
console.log(
  `ratio without report.pdf:        ${median(ratiosNoPdf).toFixed(3)}x  ${spread(ratiosNoPdf)}`,
);
console.log(
  `CPU (user + system, all processes): launcher median ${median(cpu.launcher).toFixed(2)} s, scanfold ${median(cpu.scanfold).toFixed(2)} s (${(median(cpu.scanfold) / median(cpu.launcher)).toFixed(3)}x), without report.pdf ${median(cpu.noPdf).toFixed(2)} s (${(median(cpu.noPdf) / median(cpu.launcher)).toFixed(3)}x)`,
);
