import { hash } from 'node:crypto';
import type {
  ArtifactLocation,
  Log,
  Region,
  ReportingDescriptor,
  Result,
  Run,
  ToolComponent,
} from 'sarif';
import type { Category, Finding, Location, Severity } from '../model/finding.ts';
import { readScanfoldProperties } from '../model/sarif-properties.ts';
import type { ScanfoldProperties } from '../model/sarif-properties.ts';
import type { ToolKnowledge } from '../model/tool-knowledge.ts';
import { normalizePath } from './paths.ts';
import { isSecret } from './secrets.ts';
import { scoredSeverity, scoreOf, undeclaredSeverity, wordedSeverity } from './severity.ts';
import { messageTitle, ruleTitle } from './title.ts';

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

/**
 * The tool component a result's rule lives in: the driver, or (CodeQL) one of `tool.extensions`,
 * named by `rule.toolComponent` through its index, name or guid.
 */
export function ruleComponentOf(run: Run, result: Result): ToolComponent | undefined {
  const reference = result.rule?.toolComponent;
  if (!reference) return run.tool.driver;
  const extensions = run.tool.extensions ?? [];
  if (typeof reference.index === 'number' && reference.index >= 0)
    return extensions[reference.index];
  if (reference.guid !== undefined) {
    if (run.tool.driver.guid === reference.guid) return run.tool.driver;
    return extensions.find((extension) => extension.guid === reference.guid);
  }
  if (reference.name !== undefined) {
    if (run.tool.driver.name === reference.name) return run.tool.driver;
    return extensions.find((extension) => extension.name === reference.name);
  }
  return run.tool.driver;
}

/** A result's rule descriptor: by ruleIndex or rule.index, else by ruleId or rule.id, in its component. */
export function ruleFor(run: Run, result: Result): ReportingDescriptor | undefined {
  const rules = ruleComponentOf(run, result)?.rules ?? [];
  const id = result.ruleId ?? result.rule?.id;
  // Both indices point into the component rule.toolComponent names (the driver when none is).
  const index = result.rule?.index ?? result.ruleIndex;
  if (
    index !== undefined &&
    index >= 0 &&
    rules[index] &&
    (id === undefined || rules[index].id === id)
  )
    return rules[index];
  return id === undefined || rules.length === 0 ? undefined : ruleById(rules, id);
}

/** A result's rule id: its own, else its descriptor's; `unknown-rule` when neither says. */
export function ruleIdOf(result: Result, rule: ReportingDescriptor | undefined): string {
  return result.ruleId ?? result.rule?.id ?? rule?.id ?? 'unknown-rule';
}

/** artifactLocation property keeping the real URI where scanfold.sarif writes a pseudo path. */
export const ORIGINAL_URI_KEY = 'scanfold/uri';

/**
 * The URI an artifactLocation names: its own, else (`{index: i}`) that of `run.artifacts[i]`, whose
 * uriBaseId then applies.
 */
export function artifactUriOf(
  run: Run,
  artifact: ArtifactLocation | undefined,
): { uri: string; uriBaseId: string | undefined } | undefined {
  if (!artifact) return undefined;
  // What a previous merge moved out of the way of code scanning (an https: URL, an image).
  const original: unknown = artifact.properties?.[ORIGINAL_URI_KEY];
  if (typeof original === 'string') return { uri: original, uriBaseId: undefined };
  if (typeof artifact.uri === 'string') return { uri: artifact.uri, uriBaseId: artifact.uriBaseId };
  const index = artifact.index;
  const listed =
    typeof index === 'number' && index >= 0 ? run.artifacts?.[index]?.location : undefined;
  if (typeof listed?.uri !== 'string') return undefined;
  return { uri: listed.uri, uriBaseId: listed.uriBaseId ?? artifact.uriBaseId };
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

function lowerCase(tag: string): string {
  return tag.toLowerCase();
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

function cwesOfRule(rule: ReportingDescriptor | undefined): string[] {
  const found = new Set<string>();
  cwesIn(rule?.properties?.tags, found);
  cwesIn(rule?.properties?.cwe, found);
  return [...found].sort();
}

function cwesOf(
  ruleCwes: readonly string[],
  result: Result,
  declared: ScanfoldProperties,
): string[] {
  const found = new Set<string>();
  // scanfold's own property (native-JSON enrichment, or a previous merge) is the whole answer, so
  // re-merging a merged log cannot pick up another log's rule tags.
  if (declared.cwe) cwesIn(declared.cwe, found);
  else {
    for (const cwe of ruleCwes) found.add(cwe);
    cwesIn(result.properties?.tags, found);
    cwesIn(result.properties?.cwe, found);
  }
  return [...found].sort();
}

export interface ExtractedResult {
  finding: Finding;
  /** The result's snippet as the tool gave it ('' for none), for identityOf. */
  snippet: string;
}

/** Whitespace that /\s+/ → ' ' would change: a run of two, or any whitespace but a space. */
const MORE_THAN_A_SPACE = /\s\s|[^\S ]/;

/**
 * Snippet or package text that identifies the result across runs, before hashing. Only a group's
 * first member needs it, so it is made on demand rather than for every result.
 */
export function identityOf({ finding, snippet }: ExtractedResult): string {
  const line = `${finding.location.startLine ?? ''}`;
  if (finding.category === 'vulnerability')
    return `${finding.package?.name ?? ''}@${finding.package?.version ?? ''}`;
  if (finding.category === 'secret') return line;
  const text = snippet.trim();
  // Collapse whitespace runs; most snippets have only single spaces left (no new string then).
  return (MORE_THAN_A_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text) || line;
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

/**
 * What every result of one rule shares within a run (the tool is the run's): computed once per
 * rule rather than once per result. A result that brings tags, CWEs or aliases of its own gets
 * those parts computed for itself.
 */
interface RuleFacts {
  rule: ReportingDescriptor | undefined;
  /** The rule's tags, lower-cased. */
  tags: readonly string[];
  /** The rule's CWEs, sorted. */
  cwes: readonly string[];
  /** The category of a result that adds no tags or CWEs to its rule's. */
  category: Category;
  /** Advisory ids in the rule id, sorted: the answer for a result without aliases. */
  ids: readonly string[];
  /** The severity the tool states in its own words on the rule (asked of its adapter). */
  stated: Severity | undefined;
  /** The rule's halves of declaredSeverity: its score, then its severity word or tag. */
  scored: Severity | undefined;
  worded: Severity | undefined;
  cvss: number | undefined;
  /** humanTitle's answer whatever the message, when the rule's descriptions decide it. */
  title: string | undefined;
  /** For an IaC check the tool does not rate: its twin's rating; null once looked up and none. */
  twin?: { severity: Severity; source: string } | null;
}

interface RunContext {
  options: ExtractOptions;
  run: Run;
  runIndex: number;
  tool: string;
  /** By rule id; an entry stands for the rule object it was computed from. */
  rules: Map<string, RuleFacts>;
  /** Normalized paths by uriBaseId ('' for none), then URI: tools repeat a few thousand URIs. */
  paths: Map<string, Map<string, string>>;
}

function ruleFactsOf(
  context: RunContext,
  rule: ReportingDescriptor | undefined,
  ruleId: string,
): RuleFacts {
  const known = context.rules.get(ruleId);
  if (known && known.rule === rule) return known;
  const tags = (rule?.properties?.tags ?? []).map(lowerCase);
  const cwes = cwesOfRule(rule);
  const facts: RuleFacts = {
    rule,
    tags,
    cwes,
    category: categoryOf(context.options.knowledge, context.tool, ruleId, tags, cwes),
    ids: advisoryIds(ruleId).sort(),
    stated: rule ? context.options.knowledge.severityOfRule(context.tool, rule) : undefined,
    scored: scoredSeverity(rule?.properties),
    worded: wordedSeverity(rule?.properties),
    cvss: scoreOf(rule?.properties?.['security-severity']),
    title: ruleTitle(rule, ruleId),
  };
  context.rules.set(ruleId, facts);
  return facts;
}

function pathOf(context: RunContext, uri: string, uriBaseId: string | undefined): string {
  let byUri = context.paths.get(uriBaseId ?? '');
  if (!byUri) {
    byUri = new Map();
    context.paths.set(uriBaseId ?? '', byUri);
  }
  let value = byUri.get(uri);
  if (value === undefined) {
    value = normalizePath(uri, {
      root: context.options.root,
      uriBaseId,
      originalUriBaseIds: context.run.originalUriBaseIds,
    });
    byUri.set(uri, value);
  }
  return value;
}

type FindingHead = Pick<
  Finding,
  | 'category'
  | 'severity'
  | 'severitySource'
  | 'ruleId'
  | 'title'
  | 'message'
  | 'helpUri'
  | 'tools'
  | 'sources'
  | 'location'
  | 'cwe'
>;

/**
 * A new finding with the keys every finding has, in the report's key order (the JSON's order),
 * and the two optional ones that sit among them when set. One object literal per shape: a finding
 * built key by key regrows its property store a dozen times, most of extraction's time and garbage.
 */
function findingWith(head: FindingHead): Finding {
  const { category, severity, severitySource, ruleId, title, message, helpUri } = head;
  const { tools, sources, location, cwe } = head;
  const id = '';
  const fingerprint = '';
  if (severitySource === undefined)
    return helpUri === undefined
      ? {
          id,
          fingerprint,
          category,
          severity,
          ruleId,
          title,
          message,
          tools,
          sources,
          location,
          cwe,
        }
      : {
          id,
          fingerprint,
          category,
          severity,
          ruleId,
          title,
          message,
          helpUri,
          tools,
          sources,
          location,
          cwe,
        };
  return helpUri === undefined
    ? {
        id,
        fingerprint,
        category,
        severity,
        severitySource,
        ruleId,
        title,
        message,
        tools,
        sources,
        location,
        cwe,
      }
    : {
        id,
        fingerprint,
        category,
        severity,
        severitySource,
        ruleId,
        title,
        message,
        helpUri,
        tools,
        sources,
        location,
        cwe,
      };
}

/** A result's location; one literal for the usual shapes (see findingWith). */
function locationOf(path: string, region: Region | undefined): Location {
  const startLine = region?.startLine;
  const endLine = region?.endLine;
  const startColumn = region?.startColumn;
  if (startLine !== undefined && endLine !== undefined)
    return startColumn === undefined
      ? { path, startLine, endLine }
      : { path, startLine, endLine, startColumn };
  const location: Location = { path };
  if (startLine !== undefined) location.startLine = startLine;
  if (endLine !== undefined) location.endLine = endLine;
  if (startColumn !== undefined) location.startColumn = startColumn;
  return location;
}

/** One finding per SARIF result: nothing is dropped here, deduplication happens later. */
export function extractFindings(log: Log, options: ExtractOptions): ExtractedResult[] {
  const extracted: ExtractedResult[] = [];
  log.runs.forEach((run, runIndex) => {
    const context: RunContext = {
      options,
      run,
      runIndex,
      tool: options.toolOverride ?? toolNameOf(run, options.knowledge),
      rules: new Map(),
      paths: new Map(),
    };
    (run.results ?? []).forEach((result, resultIndex) => {
      extracted.push(extractResult(context, result, resultIndex));
    });
  });
  return extracted;
}

function extractResult(context: RunContext, result: Result, resultIndex: number): ExtractedResult {
  const { run, tool, options } = context;
  const { knowledge } = options;
  const rule = ruleFor(run, result);
  const ruleId = ruleIdOf(result, rule);
  const facts = ruleFactsOf(context, rule, ruleId);
  const message =
    result.message.text ?? result.message.markdown ?? rule?.shortDescription?.text ?? ruleId;
  const physical = result.locations?.[0]?.physicalLocation;
  const logical = result.locations?.[0]?.logicalLocations?.[0];
  const artifact = artifactUriOf(run, physical?.artifactLocation);
  const rawUri = artifact?.uri ?? logical?.fullyQualifiedName ?? logical?.name ?? '.';
  const declared = readScanfoldProperties(result.properties);
  // An image finding is filed under its image, whatever pseudo path a previous merge wrote.
  const locationPath = declared.image
    ? declared.image.ref
    : pathOf(context, rawUri, artifact?.uriBaseId);
  const region = physical?.region;
  const ownTags = result.properties?.tags;
  const ownCwe: unknown = result.properties?.cwe;
  // Most results add nothing to their rule's tags and CWEs: then the rule's answers are theirs.
  const rulesAlone =
    declared.cwe === undefined &&
    (ownTags === undefined || ownTags.length === 0) &&
    (ownCwe === undefined || ownCwe === null || ownCwe === '');
  const cwe = rulesAlone ? [...facts.cwes] : cwesOf(facts.cwes, result, declared);
  const category = rulesAlone
    ? facts.category
    : categoryOf(knowledge, tool, ruleId, [...facts.tags, ...(ownTags ?? []).map(lowerCase)], cwe);
  // Package coordinates: scanfold's enrichment property first, then the tools' message formats.
  const pkg =
    category === 'vulnerability'
      ? (declared.package ?? knowledge.packageFromMessage(tool, message))
      : undefined;
  const ids = declared.aliases
    ? advisoryIds([ruleId, ...declared.aliases].join(' ')).sort()
    : facts.ids;
  const cve = ids.find((id) => id.startsWith('CVE-'));
  const ghsa = ids.find((id) => id.startsWith('GHSA-'));
  const cvss = declared.cvss ?? facts.cvss;
  const snippet = region?.snippet?.text ?? physical?.contextRegion?.snippet?.text ?? '';
  const title = facts.title ?? messageTitle(rule, message, ruleId);
  // The tool's own rating: the word its adapter reads in the message or on the rule (Trivy, Grype:
  // it wins over their CVSS `security-severity`, so their SARIF and native JSON agree), else
  // declaredSeverity (the rule's halves computed once); else, for an IaC check from a tool that
  // rates nothing, its twin's rating in another tool (noted in the finding); else the tool's
  // default or the SARIF level.
  let severity =
    knowledge.severityFromMessage(tool, message) ??
    facts.stated ??
    scoredSeverity(result.properties) ??
    facts.scored ??
    wordedSeverity(result.properties) ??
    facts.worded;
  let severitySource: string | undefined;
  if (!severity && category === 'iac') {
    if (facts.twin === undefined) facts.twin = knowledge.twinSeverity(tool, ruleId) ?? null;
    severity = facts.twin?.severity;
    severitySource = facts.twin?.source;
  }
  severity ??= undeclaredSeverity(result, rule, knowledge.defaultSeverity(tool));
  const finding = findingWith({
    category,
    severity,
    severitySource,
    ruleId,
    title: title.length > 200 ? title.slice(0, 197) + '...' : title,
    message,
    helpUri: rule?.helpUri || undefined,
    tools: [tool],
    sources: [{ tool, ruleId, file: options.file, runIndex: context.runIndex, resultIndex }],
    location: locationOf(locationPath, region),
    cwe,
  });
  // The optional keys after `cwe`, in the report's order.
  if (pkg) finding.package = pkg;
  if (cve) finding.cve = cve;
  if (ghsa) finding.ghsa = ghsa;
  if (ids.length > 1) finding.aliases = [...ids];
  if (cvss !== undefined && category === 'vulnerability') finding.cvss = cvss;
  if (isSuppressed(result)) finding.suppressed = true;
  if (declared.image) finding.image = declared.image;
  if (declared.reachable !== undefined && category === 'vulnerability')
    finding.reachable = declared.reachable;
  const commit = historyCommit(result);
  if (commit) finding.commit = commit;
  return { finding, snippet };
}
