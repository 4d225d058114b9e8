// Parallel vs sequential: the same real scan of examples/vulnerable-app with --concurrency 1 and
// with the default (CPU count), measured in the same run. Prints wall times and the ratio.
//   node bench/scan-parallel.ts [rounds]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cache = path.join(
  process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
  'scanfold',
  'testdb',
);
const rounds = Number(process.argv[2] ?? '3');

function scanSeconds(concurrency: number): number {
  const out = mkdtempSync(path.join(os.tmpdir(), 'scanfold-bench-'));
  const args = [
    path.join(root, 'dist', 'cli.js'),
    'scan',
    path.join(root, 'examples', 'vulnerable-app'),
    '--out',
    out,
    '--fail-on',
    'none',
    '--no-install',
    '--offline',
    '--trivy-cache-dir',
    path.join(cache, 'trivy'),
    '--grype-db-dir',
    path.join(cache, 'grype'),
    '--concurrency',
    String(concurrency),
  ];
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(out, { recursive: true, force: true });
  if (result.status !== 0) throw new Error(`scan exited with ${result.status}`);
  return seconds;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const parallelism = os.availableParallelism();
scanSeconds(parallelism); // warm-up: OS caches, Python imports
const sequential: number[] = [];
const parallel: number[] = [];
for (let round = 0; round < rounds; round++) {
  sequential.push(scanSeconds(1));
  parallel.push(scanSeconds(parallelism));
}
console.log(`cores: ${parallelism}, rounds: ${rounds} (median)`);
console.log(`sequential (--concurrency 1): ${median(sequential).toFixed(1)} s`);
console.log(`parallel (--concurrency ${parallelism}): ${median(parallel).toFixed(1)} s`);
console.log(`speed-up: ${(median(sequential) / median(parallel)).toFixed(2)}x`);
