import { hash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { ImageSchema } from '../model/finding.ts';
import type { Category, Finding, Image, Package } from '../model/finding.ts';
import { normalizePath } from './paths.ts';
import { scoreOf, severityOf } from './severity.ts';

export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** scanfold's short tool names, from whatever `tool.driver.name` a SARIF producer writes. */
export function toolNameOf(run: Run): string {
  const name = run.tool.driver.name.toLowerCase();
  for (const known of ['trivy', 'semgrep', 'gitleaks', 'checkov', 'grype', 'syft'])
    if (name.includes(known)) return known;
  return name.replace(/^scanfold\//, '').replace(/[^a-z0-9._-]+/g, '-');
}

/** Each rules[] array's first descriptor per id, built once: a linear find per result is quadratic. */
const rulesById = new WeakMap<readonly ReportingDescriptor[], Map<string, ReportingDescriptor>>();

function ruleById(
  rules: readonly ReportingDescriptor[],
  id: string,
): ReportingDescriptor | undefined {
  let byId = rulesById.get(rules);
  if (!byId) {
    byId = new Map();
    for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
    rulesById.set(rules, byId);
  }
  return byId.get(id);
}

export function ruleFor(run: Run, result: Result): ReportingDescriptor | undefined {
  const rules = run.tool.driver.rules ?? [];
  if (
    result.ruleIndex !== undefined &&
    rules[result.ruleIndex]?.id === (result.ruleId ?? rules[result.ruleIndex]?.id)
  ) {
    return rules[result.ruleIndex];
  }
  const id = result.ruleId ?? result.rule?.id;
  return id === undefined || rules.length === 0 ? undefined : ruleById(rules, id);
}

const ADVISORY =
  /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|GO-\d{4}-\d+|PYSEC-\d{4}-\d+|RUSTSEC-\d{4}-\d+|OSV-\d{4}-\d+)\b/gi;

const advisoryMemo = new Map<string, string[]>();

/** Advisory ids in a text, normalized (CVE upper-case, GHSA lower-case body); memoized per text. */
export function advisoryIds(text: string): string[] {
  const known = advisoryMemo.get(text);
  if (known) return [...known];
  if (advisoryMemo.size > 100_000) advisoryMemo.clear();
  const ids = [
    ...new Set(
      [...text.matchAll(ADVISORY)].map((match) => {
        const id = match[1] ?? '';
        return id.startsWith('GHSA') || id.startsWith('ghsa')
          ? 'GHSA' + id.slice(4).toLowerCase()
          : id.toUpperCase();
      }),
    ),
  ];
  advisoryMemo.set(text, ids);
  return [...ids];
}

function tagsOf(rule: ReportingDescriptor | undefined, result: Result): string[] {
  return [...(rule?.properties?.tags ?? []), ...(result.properties?.tags ?? [])].map((tag) =>
    tag.toLowerCase(),
  );
}

function categoryOf(tool: string, ruleId: string, tags: readonly string[]): Category {
  if (
    tool === 'gitleaks' ||
    tags.includes('secret') ||
    tags.includes('secrets') ||
    /^CKV2?_SECRET_/.test(ruleId)
  )
    return 'secret';
  if (tool === 'grype' || tags.includes('vulnerability')) return 'vulnerability';
  if (tool === 'checkov' || tags.includes('misconfiguration') || tags.includes('iac')) return 'iac';
  if (tags.includes('license')) return 'license';
  if (advisoryIds(ruleId).length > 0) return 'vulnerability';
  return 'code';
}

const CWE = /cwe-(\d+)/gi;

function cwesIn(value: unknown, into: Set<string>): void {
  if (value === undefined || value === null || value === '') return;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const match of text.matchAll(CWE)) into.add(`CWE-${Number(match[1])}`);
}

/** A rule's CWEs are the same for each of its results: computed once per rule object. */
const ruleCwes = new WeakMap<ReportingDescriptor, string[]>();

function cwesOfRule(rule: ReportingDescriptor | undefined): string[] {
  if (!rule) return [];
  let known = ruleCwes.get(rule);
  if (!known) {
    const found = new Set<string>();
    cwesIn(rule.properties?.tags, found);
    cwesIn(rule.properties?.cwe, found);
    known = [...found];
    ruleCwes.set(rule, known);
  }
  return known;
}

function cwesOf(rule: ReportingDescriptor | undefined, result: Result): string[] {
  const found = new Set<string>();
  // scanfold's own property (native-JSON enrichment, or a previous merge) is the whole answer, so
  // re-merging a merged log cannot pick up another log's rule tags.
  const declared: unknown = result.properties?.['scanfold/cwe'];
  if (Array.isArray(declared)) cwesIn(declared, found);
  else {
    for (const cwe of cwesOfRule(rule)) found.add(cwe);
    cwesIn(result.properties?.tags, found);
    cwesIn(result.properties?.cwe, found);
  }
  return [...found].sort();
}

/** Trivy SARIF: "Package: lodash\nInstalled Version: 4.17.15\n...Fixed Version: 4.17.19". */
export function packageFromTrivyMessage(message: string): Package | undefined {
  const name = /Package: ([^\n]+)/.exec(message)?.[1]?.trim();
  if (!name) return undefined;
  const version = /Installed Version: ([^\n]+)/.exec(message)?.[1]?.trim();
  const fixed = /Fixed Version: ([^\n]*)/.exec(message)?.[1]?.trim();
  return { name, ...(version ? { version } : {}), ...(fixed ? { fixedVersion: fixed } : {}) };
}

/** Grype SARIF: "A high vulnerability in npm package: lodash, version 4.17.15 was found at: ...". */
export function packageFromGrypeMessage(message: string): Package | undefined {
  const match = /in ([\w.-]+ )?package: ([^,\s]+), version ([^\s]+) was found/.exec(message);
  if (!match?.[2]) return undefined;
  return {
    name: match[2],
    ...(match[3] ? { version: match[3] } : {}),
    ...(match[1] ? { ecosystem: match[1].trim() } : {}),
  };
}

/** Package coordinates: scanfold's enrichment properties first, then the tools' message formats. */
function packageOf(result: Result, message: string): Package | undefined {
  const declared = result.properties?.['scanfold/package'] as Package | undefined;
  if (declared?.name) return declared;
  return packageFromTrivyMessage(message) ?? packageFromGrypeMessage(message);
}

/** `scanfold/image`, written by the image-scanning adapters (or a previous merge). */
function imageOf(result: Result): Image | undefined {
  const parsed = ImageSchema.safeParse(result.properties?.['scanfold/image']);
  return parsed.success ? parsed.data : undefined;
}

export interface ExtractedResult {
  finding: Finding;
  /** Snippet or package text that identifies the result across runs, before hashing. */
  identity: string;
}

export interface ExtractOptions {
  root: string;
  /** Raw file name the log was read from, for sources[]. */
  file: string;
  toolOverride?: string;
}

/** SARIF: a result with a suppression that was not rejected is suppressed. */
function isSuppressed(result: Result): boolean {
  return (result.suppressions ?? []).some((suppression) => suppression.status !== 'rejected');
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? text
  );
}

/** One finding per SARIF result: nothing is dropped here, deduplication happens later. */
export function extractFindings(log: Log, options: ExtractOptions): ExtractedResult[] {
  const extracted: ExtractedResult[] = [];
  log.runs.forEach((run, runIndex) => {
    const tool = options.toolOverride ?? toolNameOf(run);
    (run.results ?? []).forEach((result, resultIndex) => {
      const rule = ruleFor(run, result);
      const ruleId = result.ruleId ?? rule?.id ?? result.rule?.id ?? 'unknown-rule';
      const message =
        result.message.text ?? result.message.markdown ?? rule?.shortDescription?.text ?? ruleId;
      const physical = result.locations?.[0]?.physicalLocation;
      const logical = result.locations?.[0]?.logicalLocations?.[0];
      const rawUri =
        physical?.artifactLocation?.uri ?? logical?.fullyQualifiedName ?? logical?.name ?? '.';
      const locationPath = normalizePath(rawUri, {
        root: options.root,
        uriBaseId: physical?.artifactLocation?.uriBaseId,
        originalUriBaseIds: run.originalUriBaseIds,
      });
      const region = physical?.region;
      const tags = tagsOf(rule, result);
      const category = categoryOf(tool, ruleId, tags);
      const pkg = category === 'vulnerability' ? packageOf(result, message) : undefined;
      const declaredAliases =
        (result.properties?.['scanfold/aliases'] as string[] | undefined) ?? [];
      const ids = advisoryIds([ruleId, ...declaredAliases].join(' ')).sort();
      const cve = ids.find((id) => id.startsWith('CVE-'));
      const ghsa = ids.find((id) => id.startsWith('GHSA-'));
      const cvss =
        scoreOf(result.properties?.['scanfold/cvss']) ??
        scoreOf(rule?.properties?.['security-severity']);
      const snippet = region?.snippet?.text ?? physical?.contextRegion?.snippet?.text ?? '';
      const identity =
        category === 'vulnerability'
          ? `${pkg?.name ?? ''}@${pkg?.version ?? ''}`
          : category === 'secret'
            ? `${region?.startLine ?? ''}`
            : snippet.trim().replace(/\s+/g, ' ') || `${region?.startLine ?? ''}`;
      const title = firstLine(rule?.shortDescription?.text ?? rule?.name ?? message);
      const image = imageOf(result);
      const reachable: unknown = result.properties?.['scanfold/reachable'];
      const finding: Finding = {
        id: '',
        fingerprint: '',
        category,
        severity: severityOf(tool, result, rule),
        ruleId,
        title: title.length > 200 ? title.slice(0, 197) + '...' : title,
        message,
        ...(rule?.helpUri ? { helpUri: rule.helpUri } : {}),
        tools: [tool],
        sources: [{ tool, ruleId, file: options.file, runIndex, resultIndex }],
        location: {
          path: locationPath,
          ...(region?.startLine !== undefined ? { startLine: region.startLine } : {}),
          ...(region?.endLine !== undefined ? { endLine: region.endLine } : {}),
          ...(region?.startColumn !== undefined ? { startColumn: region.startColumn } : {}),
        },
        cwe: cwesOf(rule, result),
        ...(pkg ? { package: pkg } : {}),
        ...(cve ? { cve } : {}),
        ...(ghsa ? { ghsa } : {}),
        ...(ids.length > 1 ? { aliases: ids } : {}),
        ...(cvss !== undefined && category === 'vulnerability' ? { cvss } : {}),
        ...(isSuppressed(result) ? { suppressed: true } : {}),
        ...(image ? { image } : {}),
        ...(typeof reachable === 'boolean' && category === 'vulnerability' ? { reachable } : {}),
      };
      extracted.push({ finding, identity });
    });
  });
  return extracted;
}
