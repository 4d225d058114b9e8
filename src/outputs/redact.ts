import type { Location, Region, Result } from 'sarif';
import { primarySecretValue } from '../normalize/index.ts';
import { redactedDigest, scrubTokens, secretHint, URI_REDACTED } from '../normalize/secrets.ts';

const REGION_NUMBERS = [
  'startLine',
  'startColumn',
  'endLine',
  'endColumn',
  'charOffset',
  'charLength',
  'byteOffset',
  'byteLength',
] as const;

function redactRegion(region: Region | undefined, hint: string): Region | undefined {
  if (!region) return undefined;
  const kept: Region = {};
  for (const key of REGION_NUMBERS) if (typeof region[key] === 'number') kept[key] = region[key];
  if (region.snippet) kept.snippet = { text: hint };
  return kept;
}

/** Where it is, never what it says: no messages, logical names or snippets survive. */
function redactLocation(location: Location, hint: string): Location {
  const physical = location.physicalLocation;
  if (!physical) return typeof location.id === 'number' ? { id: location.id } : {};
  const region = redactRegion(physical.region, hint);
  const context = redactRegion(physical.contextRegion, hint);
  const artifact = physical.artifactLocation;
  return {
    ...(typeof location.id === 'number' ? { id: location.id } : {}),
    physicalLocation: {
      ...(artifact
        ? {
            artifactLocation: {
              ...(artifact.uri !== undefined ? { uri: artifact.uri } : {}),
              ...(artifact.uriBaseId !== undefined ? { uriBaseId: artifact.uriBaseId } : {}),
            },
          }
        : {}),
      ...(region ? { region } : {}),
      ...(context ? { contextRegion: context } : {}),
    },
  };
}

function digestValues(
  fingerprints: Record<string, string> | undefined,
  keep: ReadonlySet<string>,
): Record<string, string> | undefined {
  if (!fingerprints) return undefined;
  // fromEntries defines own properties: a `__proto__` key stays data, never a prototype.
  return Object.fromEntries(
    Object.entries(fingerprints).map(([key, value]) => [
      key,
      keep.has(key) ? value : redactedDigest(String(value)),
    ]),
  );
}

/** Properties that describe the rule or scanfold's verdict, never the matched text. */
const SAFE_PROPERTIES =
  /^(scanfold\/(findingId|severity|cwe)|security-severity|precision|problem\.severity)$/;

/**
 * A secret result with every free-text field gone: message, snippets, related locations, code
 * flows, stacks, fixes, attachments and properties. What is left says which rule fired where, with a
 * non-reversible hint; fingerprints stay comparable as digests.
 */
export function redactSecretResult(result: Result, knownHint?: string): Result {
  const ruleId = result.ruleId ?? result.rule?.id ?? 'secret';
  const hint = knownHint ?? secretHint(ruleId, primarySecretValue(result));
  const properties: Record<string, unknown> = Object.fromEntries(
    Object.entries(result.properties ?? {}).filter(([key]) => SAFE_PROPERTIES.test(key)),
  );
  const tags = result.properties?.tags;
  if (Array.isArray(tags))
    properties.tags = tags.filter((tag) => typeof tag === 'string' && tag.length <= 64);
  properties['scanfold/redacted'] = true;
  const partialFingerprints = digestValues(
    result.partialFingerprints,
    // A commit id locates the secret in history; it is not part of it.
    new Set(['scanfold/v1', 'primaryLocationLineHash', 'commitSha']),
  );
  const fingerprints = digestValues(result.fingerprints, new Set());
  const redacted: Result = {
    message: { text: hint },
    locations: (result.locations ?? []).map((location) => redactLocation(location, hint)),
    properties,
  };
  if (result.ruleId !== undefined) redacted.ruleId = result.ruleId;
  if (result.ruleIndex !== undefined) redacted.ruleIndex = result.ruleIndex;
  if (result.level !== undefined) redacted.level = result.level;
  if (result.kind !== undefined) redacted.kind = result.kind;
  if (result.baselineState !== undefined) redacted.baselineState = result.baselineState;
  if (result.rank !== undefined) redacted.rank = result.rank;
  if (result.guid !== undefined) redacted.guid = result.guid;
  if (result.correlationGuid !== undefined) redacted.correlationGuid = result.correlationGuid;
  if (result.relatedLocations)
    redacted.relatedLocations = result.relatedLocations.map((location) =>
      redactLocation(location, hint),
    );
  if (result.suppressions)
    redacted.suppressions = result.suppressions.map((suppression) => ({
      kind: suppression.kind,
      ...(suppression.status ? { status: suppression.status } : {}),
    }));
  if (partialFingerprints) redacted.partialFingerprints = partialFingerprints;
  if (fingerprints) redacted.fingerprints = fingerprints;
  return redacted;
}

/**
 * Members whose value must keep its format (SARIF's `uri`, `helpUri`, `repositoryUri`…,
 * CycloneDX's `url`, `purl` and `email`): the marker there has no space or bracket.
 */
const FORMATTED_KEY = /(?:uri|url|purl|email)$/i;

/**
 * Every string in a JSON value with the given tokens scrubbed (a last line of defence). Only what
 * changes is copied: a 100k-result log with one secret in it is not rebuilt object by object.
 */
export function scrubValue<T>(value: T, tokens: readonly string[]): T {
  if (tokens.length === 0) return value;
  const visit = (node: unknown, key?: string): unknown => {
    if (typeof node === 'string')
      return scrubTokens(
        node,
        tokens,
        key !== undefined && FORMATTED_KEY.test(key) ? URI_REDACTED : undefined,
      );
    if (Array.isArray(node)) {
      let copy: unknown[] | undefined;
      node.forEach((child: unknown, index) => {
        const scrubbed = visit(child);
        if (scrubbed !== child) (copy ??= [...(node as unknown[])])[index] = scrubbed;
      });
      return copy ?? node;
    }
    if (node && typeof node === 'object') {
      const entries = Object.entries(node);
      let changed = false;
      const scrubbed = entries.map(([key, child]): [string, unknown] => {
        const entry: [string, unknown] = [scrubTokens(key, tokens), visit(child, key)];
        if (entry[0] !== key || entry[1] !== child) changed = true;
        return entry;
      });
      return changed ? Object.fromEntries(scrubbed) : node;
    }
    return node;
  };
  return visit(value) as T;
}
