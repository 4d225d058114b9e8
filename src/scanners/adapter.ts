import type { Log, ReportingDescriptor } from 'sarif';
import type { z } from 'zod';
import type { ScanConfig } from '../config/schema.ts';
import type { Category, Package, Severity } from '../model/finding.ts';
import type { ParsedOutput, PassedCheck } from '../model/inputs.ts';
import type { ImageTarget } from '../plan/image.ts';
import type { ProcessExit } from '../run/process.ts';

export type { ParsedOutput, PassedCheck } from '../model/inputs.ts';

export interface ScanContext {
  readonly config: ScanConfig;
  readonly root: string;
  /** Fresh directory for this attempt; outputs count only once the attempt succeeds. */
  readonly workDir: string;
  readonly executable: string;
  readonly attempt: number;
  /** No retry follows this attempt: the moment for last-resort fallbacks. */
  readonly lastAttempt: boolean;
  /** Raw output files of the scanners this one depends on (e.g. Syft's SBOM for Grype), by name. */
  readonly upstream: ReadonlyMap<string, readonly string[]>;
  /** Run the tool with the configured timeout; stdout/stderr go to the scanner's log. */
  exec(args: readonly string[], env?: Record<string, string>): Promise<ProcessExit>;
}

export type AttemptOutcome =
  | {
      kind: 'ok';
      files: string[];
      notes?: string[];
      /** Set when the tool exited 0 but its log shows it stopped part-way: the scan is failed, its results kept. */
      partial?: string;
    }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; transient: boolean; message: string; retryAfterMs?: number };

/**
 * One raw output of a tool, recognised by what it holds, read at most once and only when asked.
 * A scan names its files itself (`scanOutputs`); `scanfold merge` recognises the files it is given
 * by content. Either way the owning adapter's `parse` turns them into findings, so the two agree.
 */
export type RawOutput =
  | { readonly kind: 'sarif'; readonly name: string; read(): Promise<Log> }
  | { readonly kind: 'cyclonedx'; readonly name: string; read(): Promise<Record<string, unknown>> }
  /** The tool's own report format (or any other file it wrote, such as a log). */
  | {
      readonly kind: 'native';
      readonly name: string;
      read(): Promise<unknown>;
      /** The report already converted by the tool's `nativeJson` (merge did, to recognise it). */
      readonly sarif?: Log;
    };

/** What parsing needs to know about the scan the outputs came from. */
export interface ParseContext {
  /** The scanned directory: results are made relative to it. */
  readonly root: string;
  readonly exclude: readonly string[];
  /** The scan's images, by position (`trivy-image-1.*` is the first); none on `scanfold merge`. */
  readonly images: readonly ImageTarget[];
}

/** Where a tool's settings resolve: paths against the scanned root, caches under `cacheBase`. */
export interface SettingsContext {
  readonly root: string;
  /** ~/.cache/scanfold: the default home of a tool's databases. */
  readonly cacheBase: string;
}

/**
 * A scanner's own section of the config file (`trivy:`, `grype:`, …): its key, the zod schema of
 * the section (every field optional, unknown keys rejected), and the defaulted settings a scan
 * reads as `config[key]`. The config file's schema and ScanConfig are composed from the registry.
 */
export interface ToolSettings<
  Key extends string = string,
  Section extends z.ZodObject = z.ZodObject,
  Resolved = unknown,
> {
  readonly key: Key;
  readonly schema: Section;
  /** Flags and inputs are already merged into `section`; paths resolve against the root. */
  resolve(section: z.infer<Section> | undefined, context: SettingsContext): Resolved;
}

/** Declares a tool's settings with their types inferred (see ToolSettings). */
export function toolSettings<Key extends string, Section extends z.ZodObject, Resolved>(
  settings: ToolSettings<Key, Section, Resolved>,
): ToolSettings<Key, Section, Resolved> {
  return settings;
}

export interface Applicability {
  applies: boolean;
  reason?: string;
}

/**
 * Everything scanfold knows about one tool. Adding a scanner is one file implementing this, one
 * line in registry.ts and one entry in tools.json; nothing else names a tool.
 */
export interface ScannerAdapter {
  /** scanfold's name for the scanner: `--scanners`, the action input, reports, SARIF categories. */
  readonly name: string;
  /** Key in tools.json (the install spec) and name of the executable. */
  readonly tool: string;
  /** Display name, e.g. "Trivy". */
  readonly title: string;
  /** One line on what it scans, for the README table and the CLI help. */
  readonly description: string;
  /** The outputs scanfold asks of the tool, for the README table. */
  readonly outputs: string;
  /** What the scanner reports, for the README table and the CLI help. */
  readonly categories: readonly Category[];
  /** The tool's section of the config file, when it has settings. */
  readonly settings?: ToolSettings;
  /** Scanners whose raw outputs this one reads (see ScanContext.upstream). */
  readonly dependsOn?: readonly string[];
  /**
   * Seconds the tool typically runs on a small repository (the bundled example, two at a time on
   * 2 cores). With fewer slots than scanners the runner starts the longest first, so the last
   * slot does not end with a long scanner started late. Unset, 1 s.
   */
  readonly typicalSeconds?: number;
  /** Set for every invocation: no update checks, no telemetry. */
  readonly env?: Readonly<Record<string, string>>;
  applies(config: ScanConfig, files: readonly string[]): Applicability;
  /** Extract an exact version from `--version` output. */
  versionArgs: readonly string[];
  parseVersion(stdout: string): string | undefined;
  /**
   * How the config's `exclude` patterns reach the tool: `flags` when scan() passes them on, or
   * the reason it cannot, which the report shows whenever patterns are set.
   */
  readonly exclude:
    { readonly honoured: true } | { readonly honoured: false; readonly why: string };
  scan(context: ScanContext): Promise<AttemptOutcome>;
  /**
   * Findings and SBOMs from the tool's raw outputs, with every fix the tool's output needs; used
   * by `scan` and by `scanfold merge` alike. Throws with a clear message on corrupt output.
   */
  parse(outputs: readonly RawOutput[], context: ParseContext): Promise<ParsedOutput>;

  // What `scanfold merge` and normalization ask of the tool.
  /** Does a SARIF `tool.driver.name` belong to this tool? */
  ownsDriver(driverName: string): boolean;
  /**
   * The tool's native JSON: its label, and a converter to SARIF, used by `parse` for a report
   * that has no SARIF beside it (`scanfold merge` of the JSON alone).
   */
  readonly nativeJson?: {
    readonly label: string;
    /** SARIF for `data`, or undefined when `data` is not this tool's native format. */
    toSarif(data: unknown): Log | undefined;
    /**
     * For a report that is not one JSON document (govulncheck's stream of objects): the value
     * `toSarif` reads, or undefined when `text` is not this tool's report.
     */
    fromText?(text: string): unknown;
    /**
     * For `data` that is recognisably this tool's report (its signature fields are there) but that
     * `toSarif` cannot read: the first failing field's path and what was expected there, never the
     * value (`results.1.start.line: Invalid input: expected number, received string`). Undefined
     * when `data` does not look like the tool's report at all.
     */
    explain?(data: unknown): string | undefined;
  };
  /**
   * Checks that ran and passed, read from one of the tool's raw JSON outputs (`[]` when `data` is
   * not its report). Compliance evidence only: these never become findings or SARIF results.
   */
  passedChecks?(data: unknown): PassedCheck[];
  /** Category the tool decides for a rule (else SARIF tags decide). */
  categoryOf?(ruleId: string, tags: readonly string[]): Category | undefined;
  /**
   * The tool's own severity word, for tools that write one beside a `security-severity` score: the
   * score is a CVSS score that often disagrees with the tool's rating (Trivy LOW with 5.0), and the
   * tool's native JSON carries only the word, so the word wins and both formats rate alike.
   */
  readonly statedSeverity?: {
    /** From a result's message, the tool's own format; asked first. */
    fromMessage?(message: string): Severity | undefined;
    /** From a rule (tags, descriptions); asked once per rule. */
    fromRule?(rule: ReportingDescriptor): Severity | undefined;
  };
  /** Severity of results whose SARIF gives none. */
  readonly defaultSeverity?: Severity;
  /** Package coordinates from this tool's result messages. */
  packageFromMessage?(message: string): Package | undefined;
  /**
   * IaC checks. Tools share an intent key for checks that test the same thing (Trivy's canonical
   * check id, e.g. "AWS-86"); results of two tools with one intent on one resource merge.
   */
  readonly iac?: {
    /** The intent key of one of this tool's checks. */
    intentOf(ruleId: string): string | undefined;
    /** This tool's checks that have a twin in another tool: rule id → intent key. */
    readonly twins?: ReadonlyMap<string, string>;
    /** This tool's severity for an intent, lent to twins from tools that rate nothing. */
    severityOf?(intent: string): { severity: Severity; check: string } | undefined;
  };
}

/** Driver names are matched loosely ("Semgrep OSS", "trivy", "Grype"): contains the name. */
export function driverContains(name: string): (driverName: string) => boolean {
  return (driverName) => driverName.toLowerCase().includes(name);
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
