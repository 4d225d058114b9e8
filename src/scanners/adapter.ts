import type { Log } from 'sarif';
import type { ScanConfig } from '../config/schema.ts';
import type { ScannerName } from '../model/finding.ts';
import type { ProcessExit } from '../run/process.ts';

export interface ScanContext {
  readonly config: ScanConfig;
  readonly root: string;
  /** Fresh directory for this attempt; outputs count only once the attempt succeeds. */
  readonly workDir: string;
  readonly executable: string;
  readonly attempt: number;
  /** No retry follows this attempt: the moment for last-resort fallbacks. */
  readonly lastAttempt: boolean;
  /** Raw output files of scanners this one depends on (e.g. Syft's SBOM for Grype). */
  readonly upstream: Partial<Record<ScannerName, readonly string[]>>;
  /** Run the tool with the configured timeout; stdout/stderr go to the scanner's log. */
  exec(args: readonly string[], env?: Record<string, string>): Promise<ProcessExit>;
}

export type AttemptOutcome =
  | { kind: 'ok'; files: string[]; notes?: string[] }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; transient: boolean; message: string; retryAfterMs?: number };

/** A tool's results after parsing, ready for normalization. */
export interface ParsedOutput {
  sarif: { file: string; log: Log }[];
  /** CycloneDX JSON documents (validated shape), by raw file name. */
  sboms: { file: string; bom: Record<string, unknown> }[];
}

export interface Applicability {
  applies: boolean;
  reason?: string;
}

export interface ScannerAdapter {
  readonly name: ScannerName;
  /** Key in tools.json and name of the executable. */
  readonly tool: string;
  readonly description: string;
  readonly dependsOn?: readonly ScannerName[];
  /** Set for every invocation, version probe included: no update checks, no telemetry. */
  readonly env?: Readonly<Record<string, string>>;
  applies(config: ScanConfig, files: readonly string[]): Applicability;
  /** Extract an exact version from `--version` output. */
  versionArgs: readonly string[];
  parseVersion(stdout: string): string | undefined;
  scan(context: ScanContext): Promise<AttemptOutcome>;
  /** Read raw outputs (absolute paths); throws with a clear message on corrupt output. */
  parse(files: readonly string[], config: ScanConfig): Promise<ParsedOutput>;
}

/** Messages that mean "try again later", shared by the tools that fetch over the network. */
export const TRANSIENT_PATTERNS: readonly RegExp[] = [
  /TOOMANYREQUESTS/i,
  /too many requests/i,
  /\b(429|502|503|504)\b/,
  /rate limit/i,
  /connection (reset|refused)/i,
  /i\/o timeout/i,
  /TLS handshake timeout/i,
  /temporary failure in name resolution/i,
  /no such host/i,
  /EAI_AGAIN|ECONNRESET|ETIMEDOUT/,
  /failed to download/i,
  /DB download error/i,
  /unexpected EOF/i,
];

export function looksTransient(lines: readonly string[], extra: readonly RegExp[] = []): boolean {
  const text = lines.join('\n');
  return [...TRANSIENT_PATTERNS, ...extra].some((pattern) => pattern.test(text));
}

/** The usual outcome of a process that exited: ok on an allowed exit code, else a failure value. */
export function outcomeOf(
  exit: ProcessExit,
  files: string[],
  options: { okExitCodes?: readonly number[]; transient?: readonly RegExp[]; what: string },
): AttemptOutcome {
  if (exit.spawnError)
    return {
      kind: 'failed',
      transient: false,
      message: `${options.what} could not start: ${exit.spawnError}`,
    };
  if (exit.exitCode !== null && (options.okExitCodes ?? [0]).includes(exit.exitCode))
    return { kind: 'ok', files };
  const last = exit.stderrTail.at(-1) ?? '';
  return {
    kind: 'failed',
    transient: looksTransient(exit.stderrTail, options.transient),
    message: `${options.what} exited with ${exit.exitCode ?? exit.signal}${last ? `: ${last.trim()}` : ''}`,
  };
}
