/**
 * Run the action bundle (dist/index.js) as a GitHub-hosted runner would: a child process with the
 * runner's environment and every action.yml input, its workflow commands parsed back.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { RunnerEnv } from './runner-env.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BUNDLE = path.join(ROOT, 'dist', 'index.js');
export const TOKEN = 'ghs_fakeInstallationTokenForTests';

const ActionYmlSchema = z.object({
  inputs: z.record(z.string(), z.object({ default: z.string().optional() })),
});

/**
 * Every input with its action.yml default, as the runner passes them (`${{ github.token }}`
 * expanded; `${{ toJson(matrix) }}` is `null` in a job without a matrix).
 */
export function defaultInputs(): Record<string, string> {
  const { inputs } = ActionYmlSchema.parse(
    parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')),
  );
  return Object.fromEntries(
    Object.entries(inputs).map(([name, spec]) => [
      name,
      (spec.default ?? '')
        .replace('${{ github.token }}', TOKEN)
        .replace('${{ toJson(matrix) }}', 'null'),
    ]),
  );
}

export interface WorkflowCommand {
  command: string;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  warnings: string[];
  errors: string[];
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

/** `::warning file=x::message` → {command, message}, with @actions/core's escaping undone. */
function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!match) continue;
    const message = (match[2] ?? '')
      .replace(/%0D/g, '\r')
      .replace(/%0A/g, '\n')
      .replace(/%25/g, '%');
    commands.push({ command: match[1] ?? '', message });
  }
  return commands;
}

/** Only what a runner passes on from the machine: no GITHUB_* / INPUT_* of the suite itself. */
function machineEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'XDG_CACHE_HOME', 'SYSTEMROOT'];
  return Object.fromEntries(
    keep.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
}

export async function runBundle(runner: RunnerEnv, cwd: string): Promise<ActionRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [BUNDLE], {
    cwd,
    env: { ...machineEnv(), ...runner.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode));
  });
  clearTimeout(timer);
  const commands = parseCommands(stdout);
  return {
    code,
    stdout,
    stderr,
    commands,
    warnings: commands.filter((c) => c.command === 'warning').map((c) => c.message),
    errors: commands.filter((c) => c.command === 'error').map((c) => c.message),
    outputs: runner.readOutputs(),
    summary: runner.readStepSummary(),
    durationMs: Date.now() - started,
  };
}
