import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log, Run } from 'sarif';
import { z } from 'zod';
import { firstIssue, jsonErrorDetail } from '../model/errors.ts';
import { decodeJsonBytes, EncodingError, findJsonSyntaxError } from './json-text.ts';
import { checkedParse } from './schema-check.ts';

/**
 * Every part of SARIF that scanfold reads, with the type it must have; everything else passes
 * through untouched. One wrong-typed field rejects that file only, with the path of the field.
 */
const MessageSchema = z.looseObject({
  text: z.string().optional(),
  markdown: z.string().optional(),
  id: z.string().optional(),
});
const RegionSchema = z.looseObject({
  startLine: z.number().optional(),
  endLine: z.number().optional(),
  startColumn: z.number().optional(),
  endColumn: z.number().optional(),
  snippet: z.looseObject({ text: z.string().optional() }).optional(),
});
const LocationSchema = z.looseObject({
  physicalLocation: z
    .looseObject({
      artifactLocation: z
        .looseObject({
          uri: z.string().optional(),
          uriBaseId: z.string().optional(),
          index: z.number().optional(),
        })
        .optional(),
      region: RegionSchema.optional(),
      contextRegion: RegionSchema.optional(),
    })
    .optional(),
  logicalLocations: z
    .array(
      z.looseObject({ name: z.string().optional(), fullyQualifiedName: z.string().optional() }),
    )
    .optional(),
  message: MessageSchema.optional(),
});
const PropertyBagSchema = z.looseObject({ tags: z.array(z.string()).optional() });
const SarifResultSchema = z.looseObject({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().optional(),
  rule: z.looseObject({ id: z.string().optional(), index: z.number().optional() }).optional(),
  message: MessageSchema,
  level: z.enum(['none', 'note', 'warning', 'error']).optional(),
  locations: z.array(LocationSchema).optional(),
  relatedLocations: z.array(LocationSchema).optional(),
  partialFingerprints: z.record(z.string(), z.string()).optional(),
  fingerprints: z.record(z.string(), z.string()).optional(),
  suppressions: z.array(z.looseObject({ status: z.string().optional() })).optional(),
  properties: PropertyBagSchema.optional(),
});
const ReportingDescriptorSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  helpUri: z.string().optional(),
  shortDescription: MessageSchema.optional(),
  fullDescription: MessageSchema.optional(),
  defaultConfiguration: z
    .looseObject({ level: z.enum(['none', 'note', 'warning', 'error']).optional() })
    .optional(),
  properties: PropertyBagSchema.optional(),
});
const InvocationSchema = z.looseObject({
  executionSuccessful: z.boolean().optional(),
  exitCode: z.number().optional(),
  exitCodeDescription: z.string().optional(),
  toolExecutionNotifications: z
    .array(z.looseObject({ message: MessageSchema.optional(), level: z.string().optional() }))
    .optional(),
});
const SarifRunSchema = z.looseObject({
  tool: z.looseObject({
    driver: z.looseObject({
      name: z.string().min(1),
      version: z.string().optional(),
      semanticVersion: z.string().optional(),
      informationUri: z.string().optional(),
      rules: z.array(ReportingDescriptorSchema).optional(),
    }),
  }),
  originalUriBaseIds: z
    .record(z.string(), z.looseObject({ uri: z.string().optional() }))
    .optional(),
  invocations: z.array(InvocationSchema).optional(),
  results: z.array(SarifResultSchema).nullish(),
});
export const SarifLogSchema = z.looseObject({
  version: z.literal('2.1.0'),
  runs: z.array(SarifRunSchema),
});

/**
 * Parsed JSON checked against SarifLogSchema and used as it is: zod's copy of a large log costs
 * more than JSON.parse did (0.6 s at 100k results). A log the check rejects goes to zod, whose
 * first issue names the field.
 */
export const checkSarifLog = checkedParse<Log>(SarifLogSchema);

/**
 * Why a SARIF run is not a complete scan, if it says so: an invocation with
 * `executionSuccessful: false`, or `results: null` (SARIF: the tool could not produce results).
 * Read as an empty run it would look clean, and an upload would close the tool's open alerts.
 */
export function runFailure(run: Run): string | undefined {
  const failed = (run.invocations ?? []).find(
    (invocation) => invocation.executionSuccessful === false,
  );
  if (failed) {
    const notes = [...(failed.toolExecutionNotifications ?? [])]
      .filter((note) => note.level === undefined || note.level === 'error')
      .map((note) => note.message?.text)
      .filter((text): text is string => typeof text === 'string' && text.length > 0);
    const detail =
      notes[0] ??
      failed.exitCodeDescription ??
      (failed.exitCode !== undefined ? `exit code ${failed.exitCode}` : undefined);
    return `its invocation reports executionSuccessful: false${detail ? ` (${detail.split('\n')[0]?.slice(0, 300)})` : ''}`;
  }
  if ((run as { results?: unknown }).results === null)
    return 'results: null (the tool produced no results)';
  return undefined;
}

/** Deeper than any real SARIF or SBOM nests; a hostile file would exhaust the stack downstream. */
export const MAX_JSON_DEPTH = 100;

/** The nesting depth of a parsed JSON value, without recursion; stops counting past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  return depthBelow(value, 1, limit);
}

/**
 * Recursive, but never deeper than `limit + 1` frames: it returns as soon as a branch passes the
 * limit. No array of children per node, unlike a walk with Object.values (0.4 s at 100k results).
 */
function depthBelow(node: unknown, depth: number, limit: number): number {
  if (node === null || typeof node !== 'object') return depth - 1;
  if (depth > limit) return depth;
  let deepest = depth;
  if (Array.isArray(node)) {
    for (const child of node as unknown[]) {
      if (child === null || typeof child !== 'object') continue;
      deepest = Math.max(deepest, depthBelow(child, depth + 1, limit));
      if (deepest > limit) return deepest;
    }
  } else {
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (child === null || typeof child !== 'object') continue;
      deepest = Math.max(deepest, depthBelow(child, depth + 1, limit));
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}

export { firstIssue };

/** A CycloneDX vulnerability, as much of it as becomes a finding (Trivy, Grype, OSV write these). */
const CycloneDxVulnerabilitySchema = z.looseObject({
  id: z.string(),
  source: z.looseObject({ name: z.string().optional(), url: z.string().optional() }).optional(),
  references: z.array(z.looseObject({ id: z.string() })).optional(),
  ratings: z
    .array(
      z.looseObject({
        score: z.number().optional(),
        severity: z.string().optional(),
        method: z.string().optional(),
      }),
    )
    .optional(),
  cwes: z.array(z.number()).optional(),
  description: z.string().optional(),
  recommendation: z.string().optional(),
  affects: z
    .array(
      z.looseObject({
        ref: z.string(),
        versions: z
          .array(
            z.looseObject({
              version: z.string().optional(),
              range: z.string().optional(),
              status: z.string().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});
export type CycloneDxVulnerability = z.infer<typeof CycloneDxVulnerabilitySchema>;

export const CycloneDxSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  components: z.array(z.looseObject({ name: z.string() })).optional(),
  vulnerabilities: z.array(CycloneDxVulnerabilitySchema).optional(),
});
export const checkCycloneDx = checkedParse<z.infer<typeof CycloneDxSchema>>(CycloneDxSchema);

export class OutputError extends Error {
  override name = 'OutputError';
}

/**
 * Parse JSON text, refusing what is too deep to be handled safely. Invalid JSON is one line saying
 * where (line and column) and what is wrong there, never what is written there.
 */
export function parseJsonText(label: string, text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text);
    throw new OutputError(
      found
        ? `${label}: invalid JSON at line ${found.line}, column ${found.column} (${found.what})`
        : `${label}: invalid JSON (${jsonErrorDetail(error)})`,
    );
  }
  if (jsonDepth(data) > MAX_JSON_DEPTH)
    throw new OutputError(`${label}: nested deeper than ${MAX_JSON_DEPTH} levels`);
  return data;
}

/** A JSON file's bytes as text (see decodeJsonBytes), its encoding errors naming the file. */
export function jsonFileText(label: string, bytes: Uint8Array): string {
  try {
    return decodeJsonBytes(bytes);
  } catch (error) {
    if (error instanceof EncodingError) throw new OutputError(`${label}: ${error.message}`);
    throw error;
  }
}

/** A JSON file a tool wrote: read, decoded (UTF-8 with or without a BOM, UTF-16) and parsed. */
async function readJson(file: string): Promise<unknown> {
  const label = path.basename(file);
  return parseJsonText(label, jsonFileText(label, await readFile(file)));
}

const issues = firstIssue;

export async function readSarif(file: string): Promise<Log> {
  const parsed = checkSarifLog(await readJson(file));
  if (!parsed.success)
    throw new OutputError(`${path.basename(file)}: not SARIF 2.1.0 (${issues(parsed.error)})`);
  return parsed.data;
}

export async function readCycloneDx(file: string): Promise<Record<string, unknown>> {
  const parsed = checkCycloneDx(await readJson(file));
  if (!parsed.success)
    throw new OutputError(`${path.basename(file)}: not CycloneDX JSON (${issues(parsed.error)})`);
  return parsed.data;
}

export { readJson };
