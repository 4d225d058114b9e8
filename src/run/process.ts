import { spawn } from 'node:child_process';

export interface ProcessRequest {
  command: string;
  args: readonly string[];
  cwd: string;
  env?: Record<string, string | undefined>;
  timeoutMs: number;
  /** Called for every complete output line, for live logs. */
  onLine?: (stream: 'stdout' | 'stderr', line: string) => void;
}

export interface ProcessExit {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The process could not be started at all (ENOENT, EACCES). */
  spawnError: string | undefined;
  stdout: string;
  stderrTail: string[];
  durationMs: number;
}

const STDOUT_LIMIT = 4 * 1024 * 1024;
const TAIL_LINES = 20;
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;
const KILL_GRACE_MS = 3_000;

export function killTree(pid: number, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group, so grandchildren die too.
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Process groups still running, so a cancelled run (SIGINT/SIGTERM) does not leave scanners behind. */
const activeGroups = new Set<number>();
let cancelHandlersInstalled = false;

/** Another long-lived child (the PDF printer's browser) that a cancelled run must take down too. */
export function trackProcessGroup(pid: number): () => void {
  installCancelHandlers();
  activeGroups.add(pid);
  return () => activeGroups.delete(pid);
}

function installCancelHandlers(): void {
  if (cancelHandlersInstalled) return;
  cancelHandlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const pid of activeGroups) killTree(pid, 'SIGKILL');
      process.kill(process.pid, signal);
    });
  }
}

/** Run a command in its own process group; on timeout the whole tree is killed. */
export function runProcess(request: ProcessRequest): Promise<ProcessExit> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(request.command, [...request.args], {
      cwd: request.cwd,
      env: { ...process.env, ...request.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    installCancelHandlers();
    const pid = child.pid;
    if (pid) activeGroups.add(pid);
    let stdout = '';
    const tail: string[] = [];
    let timedOut = false;
    let spawnError: string | undefined;
    const pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };

    const onChunk = (stream: 'stdout' | 'stderr', chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      if (stream === 'stdout' && stdout.length < STDOUT_LIMIT) stdout += text;
      const lines = (pending[stream] + text).split('\n');
      pending[stream] = lines.pop() ?? '';
      for (const line of lines) emit(stream, line);
    };
    const emit = (stream: 'stdout' | 'stderr', line: string): void => {
      // Colour codes make one-line messages unreadable in logs and reports.
      line = line.replace(ANSI_ESCAPE, '');
      if (stream === 'stderr' && line.trim()) {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      }
      request.onLine?.(stream, line);
    };
    child.stdout.on('data', (chunk: Buffer) => onChunk('stdout', chunk));
    child.stderr.on('data', (chunk: Buffer) => onChunk('stderr', chunk));

    let killTimer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) {
        killTree(child.pid, 'SIGTERM');
        const pid = child.pid;
        killTimer = setTimeout(() => killTree(pid, 'SIGKILL'), KILL_GRACE_MS);
      }
    }, request.timeoutMs);

    child.on('error', (error) => {
      spawnError = error.message;
    });
    child.on('close', (exitCode, signal) => {
      if (pid) activeGroups.delete(pid);
      clearTimeout(timer);
      if (child.pid) killTree(child.pid, 'SIGKILL'); // orphans left in the group
      if (killTimer) clearTimeout(killTimer);
      for (const stream of ['stdout', 'stderr'] as const)
        if (pending[stream]) emit(stream, pending[stream]);
      resolve({
        exitCode,
        signal,
        timedOut,
        spawnError,
        stdout,
        stderrTail: tail,
        durationMs: Date.now() - started,
      });
    });
  });
}
