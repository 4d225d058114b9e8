// Parallel vs sequential: the same real scan of examples/vulnerable-app with --concurrency 1 and
// with the default (CPU count), measured in the same run. Prints wall times and the ratio.
//   node bench/scan-parallel.ts [rounds]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanExample } from '../scripts/example-scan.ts';

const rounds = Number(process.argv[2] ?? '3');

function scanSeconds(concurrency: number): number {
  const out = mkdtempSync(path.join(os.tmpdir(), 'scanfold-bench-'));
  try {
    return scanExample(out, ['--no-install', '--concurrency', String(concurrency)]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
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
