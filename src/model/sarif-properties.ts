import type { PropertyBag } from 'sarif';
import type { Image, Package, Severity } from './finding.ts';
import { ImageSchema, SEVERITIES } from './finding.ts';

/**
 * The facts scanfold carries on SARIF results under `scanfold/*` property names: written by
 * adapters (from a tool's native JSON), by importers and by the SARIF output; read back by
 * normalization, upload planning and a later `scanfold merge` of scanfold's own output.
 * This module is the only place that spells these names.
 */
export interface ScanfoldProperties {
  /** The vulnerable package, with whatever coordinates the tool knows. */
  package?: Package;
  /** Every advisory id the tool gives for the result (CVE, GHSA, …). */
  aliases?: string[];
  /** CWE ids, `CWE-<n>`; when present they are the whole answer (no rule-tag fallback). */
  cwe?: string[];
  /** CVSS base score the tool gave for this match. */
  cvss?: number;
  /** scanfold's severity for the finding the result belongs to (written by the SARIF output). */
  severity?: Severity;
  /** Where a severity came from when the tool gave none, e.g. "from Trivy AVD-AWS-0086". */
  severitySource?: string;
  /** The scanfold finding this result belongs to (written by the SARIF output). */
  findingId?: string;
  /** The container image the result was found in, and the layer (image-scanning adapters). */
  image?: Image;
  /** Whether the vulnerable code is called (true) or only imported/required (false): govulncheck. */
  reachable?: boolean;
}

const KEYS = {
  package: 'scanfold/package',
  aliases: 'scanfold/aliases',
  cwe: 'scanfold/cwe',
  cvss: 'scanfold/cvss',
  severity: 'scanfold/severity',
  severitySource: 'scanfold/severitySource',
  findingId: 'scanfold/findingId',
  image: 'scanfold/image',
  reachable: 'scanfold/reachable',
} as const satisfies Record<keyof ScanfoldProperties, `scanfold/${string}`>;

const KEY_LIST = Object.entries(KEYS) as [keyof ScanfoldProperties, string][];

/** partialFingerprints key of scanfold's own fingerprint. */
export const FINGERPRINT_KEY = 'scanfold/v1';

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);

function packageOf(value: unknown): Package | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (!isString(record.name) || record.name === '') return undefined;
  const pkg: Package = { name: record.name };
  for (const key of ['version', 'fixedVersion', 'purl', 'ecosystem'] as const) {
    const field = record[key];
    if (isString(field)) pkg[key] = field;
  }
  return pkg;
}

function cvssOf(value: unknown): number | undefined {
  const score =
    typeof value === 'number' ? value : isString(value) ? Number.parseFloat(value) : NaN;
  return Number.isFinite(score) ? score : undefined;
}

/**
 * The scanfold properties of a result's property bag. Inputs are untrusted (a `scanfold merge` of
 * any file): a value of the wrong shape is ignored rather than trusted.
 */
export function readScanfoldProperties(bag: PropertyBag | undefined): ScanfoldProperties {
  if (!bag) return {};
  const read: ScanfoldProperties = {};
  const pkg = packageOf(bag[KEYS.package]);
  if (pkg) read.package = pkg;
  const aliases: unknown = bag[KEYS.aliases];
  if (isStringArray(aliases)) read.aliases = aliases;
  const cwe: unknown = bag[KEYS.cwe];
  if (isStringArray(cwe)) read.cwe = cwe;
  const cvss = cvssOf(bag[KEYS.cvss]);
  if (cvss !== undefined) read.cvss = cvss;
  const severity: unknown = bag[KEYS.severity];
  if (isString(severity) && (SEVERITIES as readonly string[]).includes(severity))
    read.severity = severity as Severity;
  const source: unknown = bag[KEYS.severitySource];
  if (isString(source)) read.severitySource = source;
  const findingId: unknown = bag[KEYS.findingId];
  if (isString(findingId)) read.findingId = findingId;
  // Most results carry no image: no schema parse (and its error object) for a missing one.
  const imageValue: unknown = bag[KEYS.image];
  if (imageValue !== undefined) {
    const image = ImageSchema.safeParse(imageValue);
    if (image.success) read.image = image.data;
  }
  const reachable: unknown = bag[KEYS.reachable];
  if (typeof reachable === 'boolean') read.reachable = reachable;
  return read;
}

/** A copy of `bag` with the given scanfold properties set (undefined values leave a key as it was). */
export function writeScanfoldProperties(
  bag: PropertyBag | undefined,
  properties: ScanfoldProperties,
): PropertyBag {
  const written: PropertyBag = { ...bag };
  for (const [name, key] of KEY_LIST) {
    const value = properties[name];
    if (value !== undefined) written[key] = value;
  }
  return written;
}
