import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLE_APP = path.join(REPO_ROOT, 'examples', 'vulnerable-app');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** `dist`: the bundled CLI exactly as a user runs it; `source`: src/cli/index.ts, as `npm run scanfold` does. */
  entry?: 'dist' | 'source';
  cwd?: string;
  env?: Record<string, string>;
}

/** Run scanfold with the Node running the tests (24), collecting its output. */
export function runScanfold(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const entry =
    options.entry === 'source' ? path.join('src', 'cli', 'index.ts') : path.join('dist', 'cli.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, entry), ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Run the bundled CLI exactly as a user would. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runScanfold(args, { env });
}
