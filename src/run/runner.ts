import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ScanConfig } from '../config/schema.ts';
import { errorMessage } from '../model/errors.ts';
import type { Clock, Logger } from '../model/ports.ts';
import type { ScannerReport } from '../model/scan-result.ts';
import type { ScannerRun } from '../model/scanner-run.ts';
import type { PlanEntry } from '../plan/plan.ts';
import type { AttemptOutcome, ScanContext, ScannerAdapter } from '../scanners/adapter.ts';
import { runFailure } from '../scanners/read-output.ts';
import { scanOutputs } from '../scanners/common.ts';
import type { ScannerName } from '../scanners/registry.ts';
import { runProcess } from './process.ts';
import type { ProcessExit } from './process.ts';
import { backoffDelay } from './retry.ts';

export type { ScannerRun } from '../model/scanner-run.ts';

/**
 * How each scanner's executable was found, or why it could not be. `version` is known without
 * running the tool when it came from the tool cache (its install marker records the pinned version).
 */
export type ToolResolution =
  | { ok: true; executable: string; version?: string; install?: ScannerReport['install'] }
  | { ok: false; message: string };

export interface RunRequest {
  config: ScanConfig;
  plan: readonly PlanEntry[];
  resolveTool: (adapter: ScannerAdapter) => Promise<ToolResolution>;
  logger: Logger;
  clock: Clock;
  /** Told each time a scanner finishes, with how many are still to finish. */
  onFinished?: (remaining: number) => void;
}

const VERSION_TIMEOUT_MS = 60_000;

interface AttemptRecord {
  outcome: AttemptOutcome;
  timedOut: boolean;
  stderrTail: string[];
}

class ScannerLog {
  readonly lines: string[] = [];
  private readonly name: string;
  private readonly logger: Logger;
  constructor(name: string, logger: Logger) {
    this.name = name;
    this.logger = logger;
  }
  add(line: string): void {
    this.lines.push(line);
    this.logger.debug(`[${this.name}] ${line}`);
  }
}

async function detectVersion(
  adapter: ScannerAdapter,
  executable: string,
  cwd: string,
): Promise<string | undefined> {
  const exit = await runProcess({
    command: executable,
    args: adapter.versionArgs,
    cwd,
    env: adapter.env,
    timeoutMs: VERSION_TIMEOUT_MS,
  });
  return exit.exitCode === 0 ? adapter.parseVersion(exit.stdout) : undefined;
}

async function attemptOnce(
  adapter: ScannerAdapter,
  context: Omit<ScanContext, 'exec'>,
  log: ScannerLog,
  deadline: number,
): Promise<AttemptRecord> {
  let timedOut = false;
  let stderrTail: string[] = [];
  const exec = async (
    args: readonly string[],
    env?: Record<string, string>,
  ): Promise<ProcessExit> => {
    log.add(`$ ${adapter.tool} ${args.join(' ')}`);
    const exit = await runProcess({
      command: context.executable,
      args,
      cwd: context.root,
      env: { ...adapter.env, ...env },
      timeoutMs: Math.max(1, deadline - Date.now()),
      // Reports go to files; stdout is often the same report again, so only stderr is logged.
      onLine: (stream, line) => {
        if (stream === 'stderr' && line.trim()) log.add(line);
      },
    });
    timedOut ||= exit.timedOut;
    if (exit.stderrTail.length > 0) stderrTail = exit.stderrTail;
    return exit;
  };
  try {
    const outcome = await adapter.scan({ ...context, exec });
    return { outcome, timedOut, stderrTail };
  } catch (error) {
    return {
      outcome: { kind: 'failed', transient: false, message: errorMessage(error) },
      timedOut,
      stderrTail,
    };
  }
}

async function runOne(
  entry: Extract<PlanEntry, { run: true }>,
  request: RunRequest,
  upstream: ReadonlyMap<ScannerName, readonly string[]>,
  workRoot: string,
): Promise<ScannerRun> {
  const { config, logger, clock } = request;
  const { adapter } = entry;
  const started = clock.now();
  const log = new ScannerLog(entry.name, logger);
  let base: Pick<ScannerReport, 'name' | 'attempts' | 'findings' | 'outputs' | 'install'> = {
    name: entry.name,
    attempts: 0,
    findings: 0,
    outputs: [] as string[],
  };
  // A cached tool's version comes from its install marker; only a tool found on PATH is asked, and
  // then alongside the scan rather than before it (`checkov --version` alone costs seconds of CPU).
  let asked: Promise<string | undefined> = Promise.resolve(undefined);
  const finish = async (run: ScannerRun): Promise<ScannerRun> => {
    const { report } = run;
    const version = await asked;
    if (version !== undefined) report.version = version;
    logger.group(
      `${entry.name}: ${report.status}${report.version ? ` (${report.version})` : ''} in ${(report.durationMs / 1000).toFixed(1)} s`,
      [...log.lines, ...(report.message ? [report.message] : [])],
    );
    return run;
  };
  const tool = await request.resolveTool(adapter);
  if (!tool.ok) {
    return finish({
      report: {
        ...base,
        status: 'failed',
        durationMs: clock.now() - started,
        message: tool.message,
      },
      files: [],
      parsed: undefined,
    });
  }
  if (tool.install) base = { ...base, install: tool.install };
  asked =
    tool.version !== undefined
      ? Promise.resolve(tool.version)
      : detectVersion(adapter, tool.executable, config.root);
  const maxAttempts = config.retries + 1;
  const deadline = clock.now() + config.timeoutMs;
  let last: AttemptRecord | undefined;
  let attempt = 0;
  while (attempt < maxAttempts) {
    attempt++;
    const workDir = await mkdtemp(path.join(workRoot, `${entry.name}-${attempt}-`));
    last = await attemptOnce(
      adapter,
      {
        config,
        root: config.root,
        workDir,
        executable: tool.executable,
        attempt,
        lastAttempt: attempt === maxAttempts,
        upstream,
      },
      log,
      deadline,
    );
    const { outcome } = last;
    const durationMs = (): number => clock.now() - started;
    if (last.timedOut) {
      await rm(workDir, { recursive: true, force: true });
      const message = `${entry.name} timed out after ${Math.round(config.timeoutMs / 1000)} s; process tree killed`;
      return finish({
        report: {
          ...base,
          status: 'timed-out',
          attempts: attempt,
          durationMs: durationMs(),
          message,
          stderrTail: last.stderrTail,
        },
        files: [],
        parsed: undefined,
      });
    }
    if (outcome.kind === 'skipped') {
      await rm(workDir, { recursive: true, force: true });
      return finish({
        report: {
          ...base,
          status: 'skipped',
          attempts: attempt,
          durationMs: durationMs(),
          message: outcome.reason,
        },
        files: [],
        parsed: undefined,
      });
    }
    if (outcome.kind === 'ok') {
      const missing = outcome.files.filter((file) => !existsSync(file));
      if (missing.length === 0) {
        try {
          const parsed = await adapter.parse(scanOutputs(outcome.files), config);
          const files = await keepRawOutputs(outcome.files, path.join(workRoot, 'raw'));
          await rm(workDir, { recursive: true, force: true });
          const notes = [
            ...(outcome.notes ?? []),
            ...(parsed.notes ?? []),
            ...(config.exclude.length > 0 && !adapter.exclude.honoured
              ? [`exclude not applied: ${adapter.exclude.why}`]
              : []),
          ];
          // A tool that stopped part-way (its log says so) or whose SARIF says the run failed is
          // failed, never "ok, 0 findings"; whatever it did find is still reported.
          const failure =
            outcome.partial ??
            parsed.sarif
              .flatMap(({ file, log }) =>
                log.runs.map((run) => {
                  const reason = runFailure(run);
                  return reason ? `${path.basename(file)}: ${reason}` : undefined;
                }),
              )
              .find(Boolean);
          return finish({
            report: {
              ...base,
              status: failure ? 'failed' : 'ok',
              attempts: attempt,
              durationMs: durationMs(),
              outputs: files.map((file) => `raw/${path.basename(file)}`),
              ...(failure ? { message: `${entry.name} did not complete: ${failure}` } : {}),
              ...(notes.length > 0 ? { notes } : {}),
            },
            files,
            parsed,
          });
        } catch (error) {
          last = {
            ...last,
            outcome: {
              kind: 'failed',
              transient: false,
              message: `${entry.name} output unreadable: ${errorMessage(error)}`,
            },
          };
        }
      } else {
        last = {
          ...last,
          outcome: {
            kind: 'failed',
            transient: false,
            message: `${entry.name} wrote no ${missing.map((f) => path.basename(f)).join(', ')}`,
          },
        };
      }
    }
    await rm(workDir, { recursive: true, force: true });
    const failure = last.outcome;
    if (failure.kind !== 'failed' || !failure.transient || attempt >= maxAttempts) break;
    const delay = backoffDelay(
      { baseMs: config.retryBaseMs, capMs: config.retryCapMs },
      attempt,
      clock,
      failure.retryAfterMs,
    );
    log.add(`attempt ${attempt} failed (${failure.message}); retrying in ${delay} ms`);
    logger.warning(
      `${entry.name}: attempt ${attempt} failed with a transient error; retrying in ${delay} ms`,
    );
    await clock.sleep(delay);
  }
  const failure = last?.outcome;
  const message = failure?.kind === 'failed' ? failure.message : `${entry.name} failed`;
  return finish({
    report: {
      ...base,
      status: 'failed',
      attempts: attempt,
      durationMs: clock.now() - started,
      message: attempt > 1 ? `${message} (after ${attempt} attempts)` : message,
      stderrTail: last?.stderrTail ?? [],
    },
    files: [],
    parsed: undefined,
  });
}

/** Only complete, parsed outputs reach raw/, so a failed scanner never looks like "no findings". */
async function keepRawOutputs(files: readonly string[], rawDir: string): Promise<string[]> {
  await mkdir(rawDir, { recursive: true });
  const kept: string[] = [];
  for (const file of files) {
    const target = path.join(rawDir, path.basename(file));
    await move(file, target);
    kept.push(target);
  }
  return kept;
}

async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
}

/** A promise made now and settled later by another (a failure is left to that one's awaiter). */
function promised<T>(): { promise: Promise<T>; settle: (from: Promise<T>) => void } {
  let settle: (from: Promise<T>) => void = () => undefined;
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  // Awaited by dependents only; the task itself is awaited (and fails) where it always was.
  promise.catch(() => undefined);
  return { promise, settle };
}

/**
 * The scanners to run, longest first (their typical time plus that of the scanners waiting for
 * their output): with fewer slots than scanners, the slots then end close together instead of one
 * long scanner starting late. Ties keep the plan's order.
 */
export function longestFirst(plan: readonly PlanEntry[]): (PlanEntry & { run: true })[] {
  const runnable = plan.filter((entry): entry is PlanEntry & { run: true } => entry.run);
  const own = (entry: PlanEntry): number => entry.adapter.typicalSeconds ?? 1;
  const chain = (entry: PlanEntry & { run: true }): number =>
    own(entry) +
    runnable
      .filter((other) => other.dependsOn.includes(entry.name))
      .reduce((sum, other) => sum + own(other), 0);
  return runnable
    .map((entry, index) => ({ entry, index, seconds: chain(entry) }))
    .sort((a, b) => b.seconds - a.seconds || a.index - b.index)
    .map(({ entry }) => entry);
}

/**
 * Scanners work in a private temp dir and their outputs reach `<output-dir>/raw` only when all are
 * done, so no scanner ever scans another's output (or its own) inside the scanned tree.
 */
export async function runScanners(request: RunRequest): Promise<ScannerRun[]> {
  const limit = pLimit(request.config.concurrency);
  const workRoot = await mkdtemp(path.join(os.tmpdir(), 'scanfold-run-'));
  const running = new Map<ScannerName, Promise<ScannerRun>>();
  let done = 0;
  const total = request.plan.filter((entry) => entry.run).length;
  const progress = (): void => {
    const active = [...running.keys()].join(', ');
    request.logger.progress(`scanning: ${done}/${total} done (${active})`);
  };
  const order = longestFirst(request.plan);
  // Every scanner's outcome, promised before any starts: one may wait for another queued after it.
  const outcomes = new Map(order.map((entry) => [entry.name, promised<ScannerRun>()]));
  for (const entry of order) {
    const task = (async (): Promise<ScannerRun> => {
      // Wait for dependencies outside the limiter, so they can never starve each other of slots.
      const upstream = new Map<ScannerName, readonly string[]>();
      for (const dependency of entry.dependsOn) {
        const result = await outcomes.get(dependency)?.promise;
        if (result?.report.status === 'ok') upstream.set(dependency, result.files);
      }
      const result = await limit(() => runOne(entry, request, upstream, workRoot));
      done++;
      progress();
      request.onFinished?.(total - done);
      return result;
    })();
    outcomes.get(entry.name)?.settle(task);
    running.set(entry.name, task);
  }
  progress();
  const results = new Map<ScannerName, ScannerRun>();
  for (const [name, task] of running) results.set(name, await task);
  const rawDir = path.join(request.config.outputDir, 'raw');
  for (const result of results.values()) {
    if (result.files.length > 0) result.files = await keepRawOutputs(result.files, rawDir);
  }
  await rm(workRoot, { recursive: true, force: true });
  return request.plan.map(
    (entry): ScannerRun =>
      results.get(entry.name) ?? {
        report: {
          name: entry.name,
          status: 'skipped',
          attempts: 0,
          durationMs: 0,
          findings: 0,
          outputs: [],
          message: entry.run ? undefined : entry.reason,
        },
        files: [],
        parsed: undefined,
      },
  );
}
