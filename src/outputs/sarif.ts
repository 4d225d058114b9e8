import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Invocation, Log, ReportingDescriptor, Result, Run } from 'sarif';
import type { Finding, Severity } from '../model/finding.ts';
import type { SarifInput } from '../model/inputs.ts';
import { mapArtifactLocations } from '../model/sarif-locations.ts';
import { FINGERPRINT_KEY, writeScanfoldProperties } from '../model/sarif-properties.ts';
import type { ToolKnowledge } from '../model/tool-knowledge.ts';
import {
  ORIGINAL_URI_KEY,
  artifactUriOf,
  ruleFor,
  ruleIdOf,
  toolNameOf,
} from '../normalize/extract.ts';
import { isExternalPath, normalizePath } from '../normalize/paths.ts';
import { readScanfoldProperties } from '../model/sarif-properties.ts';
import { SCORE_FOR, scoreOf, severityFromScore } from '../normalize/severity.ts';
import { redactSecretResult, scrubValue } from './redact.ts';
import { TOOL_KNOWLEDGE } from '../scanners/registry.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface SarifOutputRequest {
  inputs: readonly SarifInput[];
  findings: readonly Finding[];
  root: string;
  /** Appended to automationDetails.id, e.g. a matrix shard. */
  categorySuffix?: string;
  /** Secret values (see normalize's secretTokens) scrubbed from every string of the output. */
  secretTokens?: readonly string[];
  /** Names the tool behind each run; the scanner registry's by default. */
  knowledge?: ToolKnowledge;
}

/**
 * Each input result's finding, by file, run and result index: arrays under a map of files, not a
 * string key per result (two hundred thousand of them at 100k results).
 */
class FindingsBySource {
  private readonly byFile = new Map<string, (Finding | undefined)[][]>();
  constructor(inputs: readonly SarifInput[], findings: readonly Finding[]) {
    // Sized up front: filled out of order, a growing array would fall back to a dictionary.
    for (const input of inputs)
      this.byFile.set(
        input.file,
        input.log.runs.map((run) => new Array<Finding | undefined>(run.results?.length ?? 0)),
      );
    for (const finding of findings)
      for (const { file, runIndex, resultIndex } of finding.sources) {
        let runs = this.byFile.get(file);
        if (!runs) this.byFile.set(file, (runs = []));
        (runs[runIndex] ??= [])[resultIndex] = finding;
      }
  }
  get(file: string, runIndex: number, resultIndex: number): Finding | undefined {
    return this.byFile.get(file)?.[runIndex]?.[resultIndex];
  }
}

const uriReferences = new Map<string, string>();

/** A repo-relative path as a URI reference: what a URI cannot hold raw is percent-encoded. */
function toUriReference(path: string): string {
  // Results repeat a few thousand paths; encode each once.
  let encoded = uriReferences.get(path);
  if (encoded === undefined) {
    encoded = encodeURI(path.toWellFormed()).replace(/[?#]/g, (char) => encodeURIComponent(char));
    if (uriReferences.size > 100_000) uriReferences.clear();
    uriReferences.set(path, encoded);
  }
  return encoded;
}

/** One path segment from any text: what is not a safe file-name character becomes `_`. */
export function pseudoSegment(text: string): string {
  const segment = text.replace(/[^A-Za-z0-9._-]+/g, '_');
  return /^\.*$/.test(segment) ? `_${segment}` : segment;
}

/**
 * An artifactLocation as scanfold.sarif writes it. Code scanning reads a URI relative to the
 * repository root, and rejects the whole upload when an absolute URI's scheme is not the
 * checkout's (`SARIF URI scheme "https" did not match the checkout URI scheme "file"`), and a
 * result with no location at all ("expected at least one location"). So:
 * - a repository file: its path under %SRCROOT%;
 * - a file elsewhere on disk (or on another host): its absolute `file:` URI, no base id, which
 *   code scanning accepts and places in no repository file;
 * - an image, an https: URL or any other scheme: a pseudo path under `.scanfold/` (never a real
 *   repository file), the real URI kept beside it in the location's properties.
 */
function rewriteArtifact(
  artifact: ArtifactLocation,
  run: Run,
  root: string,
  image: string | undefined,
): ArtifactLocation {
  const target = artifactUriOf(run, artifact);
  const { index: _index, uri: _uri, uriBaseId: _base, ...rest } = artifact;
  if (!target) return rest;
  const path = normalizePath(target.uri, {
    root,
    uriBaseId: target.uriBaseId,
    originalUriBaseIds: run.originalUriBaseIds,
  });
  const keep = (pseudo: string, original: string): ArtifactLocation => ({
    ...rest,
    uri: toUriReference(pseudo),
    uriBaseId: SRCROOT,
    properties: { ...rest.properties, [ORIGINAL_URI_KEY]: original },
  });
  if (image !== undefined && (path === image || target.uri === image))
    return keep(`.scanfold/images/${pseudoSegment(image)}`, image);
  if (!isExternalPath(path)) return { ...rest, uri: toUriReference(path), uriBaseId: SRCROOT };
  if (/^file:/i.test(path)) return { ...rest, uri: path };
  return keep(`.scanfold/external/${pseudoSegment(path)}`, path);
}

/** SARIF's `format: uri` means an absolute URI; anything else (a Checkov guideline sentence) is help text. */
function isAbsoluteUri(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value);
}

function cleanRule(rule: ReportingDescriptor): ReportingDescriptor {
  if (rule.helpUri === undefined || isAbsoluteUri(rule.helpUri)) return rule;
  const { helpUri, ...rest } = rule;
  return rest.help ? rest : { ...rest, help: { text: String(helpUri) } };
}

/** A message needs text (or an id): `message: {}` is invalid SARIF. */
function cleanMessage(result: Result, ruleId: string): Result['message'] {
  const message = result.message as Partial<Result['message']> | undefined;
  if (typeof message?.text === 'string' || typeof message?.id === 'string') return message;
  return { ...message, text: typeof message?.markdown === 'string' ? message.markdown : ruleId };
}

interface ToolRun {
  tool: string;
  driver: Run['tool']['driver'];
  rules: ReportingDescriptor[];
  ruleIndex: Map<string, number>;
  /** Ids whose rules[] entry is a placeholder, to be replaced by the first real descriptor. */
  placeholders: Set<string>;
  results: Result[];
  /** Each result's finding's severity, by position (undefined: no finding). */
  severities: (Severity | undefined)[];
  /** The inputs' invocations: a failed one must still say so in scanfold.sarif. */
  invocations: Invocation[];
}

/**
 * One run per tool, every result kept, rules and ruleIndex consistent, each result pointing at its
 * scanfold finding. Distinct driver names and automation ids keep GitHub from rejecting the upload.
 */
export function buildSarif(request: SarifOutputRequest): Log {
  const knowledge = request.knowledge ?? TOOL_KNOWLEDGE;
  const findingBySource = new FindingsBySource(request.inputs, request.findings);
  const tools = new Map<string, ToolRun>();
  for (const input of request.inputs) {
    input.log.runs.forEach((run, runIndex) => {
      const tool = input.tool ?? toolNameOf(run, knowledge);
      let target = tools.get(tool);
      if (!target) {
        target = {
          tool,
          driver: run.tool.driver,
          rules: [],
          ruleIndex: new Map(),
          placeholders: new Set(),
          results: [],
          severities: [],
          invocations: [],
        };
        tools.set(tool, target);
      }
      const into = target;
      into.invocations.push(...(run.invocations ?? []));
      for (const rule of run.tool.driver.rules ?? []) {
        const existing = into.ruleIndex.get(rule.id);
        if (existing === undefined) {
          into.ruleIndex.set(rule.id, into.rules.length);
          into.rules.push(cleanRule(rule));
        } else if (into.placeholders.delete(rule.id)) {
          into.rules[existing] = cleanRule(rule);
        }
      }
      (run.results ?? []).forEach((result, resultIndex) => {
        const rule = ruleFor(run, result);
        const ruleId = ruleIdOf(result, rule);
        let index = into.ruleIndex.get(ruleId);
        if (index !== undefined && rule && into.placeholders.delete(ruleId)) {
          into.rules[index] = cleanRule(rule);
        } else if (index === undefined) {
          // A rule of a tool extension (CodeQL's query packs) joins the driver's: the output has
          // no extensions, and its properties (security-severity, CWE tags) must travel.
          index = into.rules.length;
          into.rules.push(
            rule ? cleanRule(rule) : { id: ruleId, shortDescription: { text: ruleId } },
          );
          into.ruleIndex.set(ruleId, index);
          if (!rule) into.placeholders.add(ruleId);
        }
        const finding = findingBySource.get(input.file, runIndex, resultIndex);
        const properties = finding
          ? writeScanfoldProperties(result.properties, {
              findingId: finding.id,
              severity: finding.severity,
              ...(finding.severitySource ? { severitySource: finding.severitySource } : {}),
              cwe: finding.cwe,
              // Every tool's result of a finding carries the reachability verdict, not only govulncheck's.
              ...(finding.reachable !== undefined ? { reachable: finding.reachable } : {}),
            })
          : { ...result.properties };
        const { rule: _ruleReference, ...rest } = result;
        const image = finding
          ? finding.image?.ref
          : readScanfoldProperties(result.properties).image?.ref;
        const relocated = mapArtifactLocations(rest, (artifact) =>
          rewriteArtifact(artifact, run, request.root, image),
        );
        let merged: Result = {
          ...relocated,
          message: cleanMessage(result, ruleId),
          ruleId,
          ruleIndex: index,
          locations: relocated.locations ?? [],
          partialFingerprints: {
            ...result.partialFingerprints,
            ...(finding ? { [FINGERPRINT_KEY]: finding.fingerprint } : {}),
          },
          properties,
        };
        if (finding?.baseline) merged.baselineState = finding.baseline;
        if (finding?.suppression && finding.suppression.source !== 'inline')
          // GitHub code scanning shows a result with an accepted suppression as dismissed.
          merged.suppressions = [
            ...(result.suppressions ?? []),
            {
              kind: 'external',
              status: 'accepted',
              justification: finding.suppression.reason,
              ...(finding.suppression.expires
                ? { properties: { 'scanfold/expires': finding.suppression.expires } }
                : {}),
            },
          ];
        if (finding?.category === 'secret') merged = redactSecretResult(merged, finding.message);
        into.results.push(merged);
        into.severities.push(finding?.severity);
      });
    });
  }
  // GitHub reads a result's security-severity, then its rule's: the run's kept descriptor for the
  // id (known only now: a placeholder gives way to a later input's descriptor; for an id two tool
  // versions share, it is the first version's), whose score a tool's own word may also have
  // outranked. A result gets its own whenever what GitHub would read is not the finding's severity.
  for (const { results, rules, severities } of tools.values())
    results.forEach((result, position) => {
      const severity = severities[position];
      if (severity === undefined) return;
      const properties = (result.properties ??= {});
      const score =
        scoreOf(properties['security-severity']) ??
        scoreOf(rules[result.ruleIndex ?? -1]?.properties?.['security-severity']);
      if (score === undefined || severityFromScore(score) !== severity)
        properties['security-severity'] = SCORE_FOR[severity];
    });
  const suffix = request.categorySuffix ? `/${request.categorySuffix}` : '';
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [...tools.values()]
      .sort((a, b) => a.tool.localeCompare(b.tool))
      .map((toolRun): Run => ({
        tool: {
          driver: {
            ...toolRun.driver,
            ...(isAbsoluteUri(toolRun.driver.informationUri) ? {} : { informationUri: undefined }),
            name: toolRun.driver.name || toolRun.tool,
            rules: toolRun.rules,
          },
        },
        automationDetails: { id: `scanfold/${toolRun.tool}${suffix}/` },
        originalUriBaseIds: {
          [SRCROOT]: { uri: pathToFileURL(request.root.replace(/\/?$/, '/')).href },
        },
        results: toolRun.results,
        ...(toolRun.invocations.length > 0 ? { invocations: toolRun.invocations } : {}),
        columnKind: 'utf16CodeUnits',
      })),
  };
  return scrubValue(log, request.secretTokens ?? []);
}

export function countResults(log: Log): number {
  return log.runs.reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
}
