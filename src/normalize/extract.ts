import { hash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import type { Category, Finding } from '../model/finding.ts';
import { readScanfoldProperties } from '../model/sarif-properties.ts';
import type { ScanfoldProperties } from '../model/sarif-properties.ts';
import type { ToolKnowledge } from '../model/tool-knowledge.ts';
import { normalizePath } from './paths.ts';
import { isSecret } from './secrets.ts';
import { declaredSeverity, scoreOf, severityOf } from './severity.ts';
import { humanTitle } from './title.ts';

export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** scanfold's short tool name for a run, from whatever `tool.driver.name` its producer writes. */
export function toolNameOf(run: Run, knowledge: ToolKnowledge): string {
  return knowledge.toolOf(run.tool.driver.name);
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

/** A secret whatever tool found it; then the tool's own answer (its adapter); then the SARIF tags. */
function categoryOf(
  knowledge: ToolKnowledge,
  tool: string,
  ruleId: string,
  tags: readonly string[],
  cwes: readonly string[],
): Category {
  if (isSecret({ tool, ruleId, tags, cwes })) return 'secret';
  const decided = knowledge.categoryOf(tool, ruleId, tags);
  if (decided) return decided;
  if (tags.includes('vulnerability')) return 'vulnerability';
  if (tags.includes('misconfiguration') || tags.includes('iac')) return 'iac';
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

function cwesOf(
  rule: ReportingDescriptor | undefined,
  result: Result,
  declared: ScanfoldProperties,
): string[] {
  const found = new Set<string>();
  // scanfold's own property (native-JSON enrichment, or a previous merge) is the whole answer, so
  // re-merging a merged log cannot pick up another log's rule tags.
  if (declared.cwe) cwesIn(declared.cwe, found);
  else {
    for (const cwe of cwesOfRule(rule)) found.add(cwe);
    cwesIn(result.properties?.tags, found);
    cwesIn(result.properties?.cwe, found);
  }
  return [...found].sort();
}

/**
 * The tool's own rating; else, for an IaC check from a tool that rates nothing, its twin's rating
 * in another tool (noted in the finding); else the tool's default or the SARIF level.
 */
function severityFor(
  knowledge: ToolKnowledge,
  item: {
    tool: string;
    ruleId: string;
    category: Category;
    result: Result;
    rule: ReportingDescriptor | undefined;
  },
): Pick<Finding, 'severity' | 'severitySource'> {
  const declared = declaredSeverity(item.result, item.rule);
  if (declared) return { severity: declared };
  if (item.category === 'iac') {
    const twin = knowledge.twinSeverity(item.tool, item.ruleId);
    if (twin) return { severity: twin.severity, severitySource: twin.source };
  }
  return { severity: severityOf(item.result, item.rule, knowledge.defaultSeverity(item.tool)) };
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
  /** What the tools' adapters know (category, default severity, message formats, IaC intents). */
  knowledge: ToolKnowledge;
}

/** The commit a history scan found the result in: Gitleaks' `commitSha` partial fingerprint. */
function historyCommit(result: Result): string | undefined {
  const sha = result.partialFingerprints?.commitSha;
  return typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined;
}

/** SARIF: a result with a suppression that was not rejected is suppressed. */
function isSuppressed(result: Result): boolean {
  return (result.suppressions ?? []).some((suppression) => suppression.status !== 'rejected');
}

/** One finding per SARIF result: nothing is dropped here, deduplication happens later. */
export function extractFindings(log: Log, options: ExtractOptions): ExtractedResult[] {
  const extracted: ExtractedResult[] = [];
  log.runs.forEach((run, runIndex) => {
    const { knowledge } = options;
    const tool = options.toolOverride ?? toolNameOf(run, knowledge);
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
      const declared = readScanfoldProperties(result.properties);
      const cwe = cwesOf(rule, result, declared);
      const category = categoryOf(knowledge, tool, ruleId, tags, cwe);
      // Package coordinates: scanfold's enrichment property first, then the tools' message formats.
      const pkg =
        category === 'vulnerability'
          ? (declared.package ?? knowledge.packageFromMessage(tool, message))
          : undefined;
      const ids = advisoryIds([ruleId, ...(declared.aliases ?? [])].join(' ')).sort();
      const cve = ids.find((id) => id.startsWith('CVE-'));
      const ghsa = ids.find((id) => id.startsWith('GHSA-'));
      const cvss = declared.cvss ?? scoreOf(rule?.properties?.['security-severity']);
      const snippet = region?.snippet?.text ?? physical?.contextRegion?.snippet?.text ?? '';
      const identity =
        category === 'vulnerability'
          ? `${pkg?.name ?? ''}@${pkg?.version ?? ''}`
          : category === 'secret'
            ? `${region?.startLine ?? ''}`
            : snippet.trim().replace(/\s+/g, ' ') || `${region?.startLine ?? ''}`;
      const title = humanTitle(rule, message, ruleId);
      const finding: Finding = {
        id: '',
        fingerprint: '',
        category,
        ...severityFor(knowledge, { tool, ruleId, category, result, rule }),
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
        cwe,
        ...(pkg ? { package: pkg } : {}),
        ...(cve ? { cve } : {}),
        ...(ghsa ? { ghsa } : {}),
        ...(ids.length > 1 ? { aliases: ids } : {}),
        ...(cvss !== undefined && category === 'vulnerability' ? { cvss } : {}),
        ...(isSuppressed(result) ? { suppressed: true } : {}),
        ...(declared.image ? { image: declared.image } : {}),
        ...(declared.reachable !== undefined && category === 'vulnerability'
          ? { reachable: declared.reachable }
          : {}),
        ...(historyCommit(result) ? { commit: historyCommit(result) } : {}),
      };
      extracted.push({ finding, identity });
    });
  });
  return extracted;
}
