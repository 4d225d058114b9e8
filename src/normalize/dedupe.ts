import type { Finding, Image, Source } from '../model/finding.ts';
import { severityRank } from '../model/finding.ts';
import type { ExtractedResult } from './extract.ts';
import { identityOf, sha256 } from './extract.ts';
import type { ToolKnowledge } from '../model/tool-knowledge.ts';

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    let current = index;
    while (this.parent[current] !== root) {
      const next = this.parent[current] ?? root;
      this.parent[current] = root;
      current = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    // The smaller index wins so the grouping does not depend on input order of equal keys.
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}

/** Go tools disagree on the "v": Trivy and Grype say v0.3.7, govulncheck and OSV-Scanner 0.3.7. */
export function versionKey(version: string | undefined): string {
  if (version === undefined) return '';
  // /^v(?=\d)/ by hand: asked for every vulnerability's keys and fingerprint.
  const digit = version.charCodeAt(1);
  return version.startsWith('v') && digit >= 48 && digit <= 57 ? version.slice(1) : version;
}

/** The keys under which a finding meets its duplicates (an array: no generator per finding). */
function mergeKeys(finding: Finding): string[] {
  const { location } = finding;
  switch (finding.category) {
    case 'vulnerability': {
      if (!finding.package) return [];
      // One advisory on one package is one finding, whichever lockfiles or paths it is found at
      // (every location is kept in `locations`); each scanned image is an artifact of its own.
      const coordinates = `${finding.package.name.toLowerCase()}@${versionKey(finding.package.version)}${finding.image ? `|${finding.image.ref}` : ''}`;
      // CVE and GHSA ids of one advisory are one vulnerability: any shared id joins the two.
      const keys: string[] = [];
      const add = (id: string | undefined): void => {
        const key = `vuln|${coordinates}|${id}`;
        if (id && !keys.includes(key)) keys.push(key);
      };
      add(finding.cve);
      add(finding.ghsa);
      finding.aliases?.forEach(add);
      if (keys.length === 0) keys.push(`vuln|${coordinates}|${finding.ruleId}`);
      return keys;
    }
    case 'secret':
      return location.startLine === undefined
        ? []
        : [`secret|${location.path}|${location.startLine}`];
    case 'code':
      if (location.startLine === undefined) return [];
      return finding.cwe.map((cwe) => `code|${location.path}|${location.startLine}|${cwe}`);
    // IaC merges per resource, not per key: see unionSameResourceChecks.
    default:
      return [];
  }
}

/** Cross-tool only for code and IaC: one tool's two rules on one line are two findings. */
function mayMerge(a: Finding, b: Finding): boolean {
  if (a.category === 'code' || a.category === 'iac')
    return !a.tools.some((tool) => b.tools.includes(tool));
  return true;
}

function fingerprintOf(members: readonly ExtractedResult[], knowledge: ToolKnowledge): string {
  const lead = members[0];
  if (!lead) throw new Error('empty group');
  const { finding } = lead;
  if (finding.category === 'vulnerability' && finding.package) {
    // The smallest of the group's advisory ids (in code-unit order, as sort() would put first).
    let canonical: string | undefined;
    const consider = (id: string | undefined): void => {
      if (id && (canonical === undefined || id < canonical)) canonical = id;
    };
    for (const { finding: member } of members) {
      consider(member.cve);
      consider(member.ghsa);
      member.aliases?.forEach(consider);
    }
    canonical ??= finding.ruleId;
    return sha256(
      `vulnerability|${canonical}|${finding.package.name.toLowerCase()}|${versionKey(finding.package.version)}${finding.image ? `|${finding.image.ref}` : ''}`,
    );
  }
  if (finding.category === 'secret')
    return sha256(`secret|${finding.location.path}|${identityOf(lead)}`);
  const intent =
    finding.category === 'iac'
      ? knowledge.iacIntent(finding.tools[0] ?? '', finding.ruleId)
      : undefined;
  const rule = intent ?? `${finding.tools[0] ?? ''}:${finding.ruleId}`;
  return sha256(`${finding.category}|${rule}|${finding.location.path}|${identityOf(lead)}`);
}

/** Locale-free ordering: stable across machines and far cheaper than localeCompare. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two results of one tool and rule: by file, run and result index. */
function compareSources(a: ExtractedResult, b: ExtractedResult): number {
  const sa = a.finding.sources[0];
  const sb = b.finding.sources[0];
  return (
    byCodeUnit(sa?.file ?? '', sb?.file ?? '') ||
    (sa?.runIndex ?? 0) - (sb?.runIndex ?? 0) ||
    (sa?.resultIndex ?? 0) - (sb?.resultIndex ?? 0)
  );
}

function byKeyOf<T>([a]: [string, T], [b]: [string, T]): number {
  return byCodeUnit(a, b);
}

/**
 * The members by tool, rule id, file, run and result index, as a stable sort would put them. They
 * are bucketed by tool and rule id, so that only the distinct names are sorted (sorting 100k
 * results compared equal names character by character); a bucket is already in file, run and
 * result order as extracted from files given in order (checked; sorted when not).
 */
function inMergeOrder(extracted: readonly ExtractedResult[]): ExtractedResult[] {
  const byTool = new Map<string, Map<string, ExtractedResult[]>>();
  for (const item of extracted) {
    const tool = item.finding.sources[0]?.tool ?? '';
    let byRule = byTool.get(tool);
    if (!byRule) {
      byRule = new Map();
      byTool.set(tool, byRule);
    }
    const bucket = byRule.get(item.finding.ruleId);
    if (bucket) bucket.push(item);
    else byRule.set(item.finding.ruleId, [item]);
  }
  const ordered: ExtractedResult[] = [];
  for (const [, byRule] of [...byTool].sort(byKeyOf)) {
    for (const [, bucket] of [...byRule].sort(byKeyOf)) {
      const inOrder = bucket.every(
        (item, index) => index === 0 || compareSources(bucket[index - 1] ?? item, item) <= 0,
      );
      for (const item of inOrder ? bucket : bucket.sort(compareSources)) ordered.push(item);
    }
  }
  return ordered;
}

/** One member that saw the vulnerable code called makes the group reachable; unknown stays unset. */
export function reachabilityOf(findings: readonly Finding[]): { reachable?: boolean } {
  const verdicts = findings.map((f) => f.reachable).filter((v) => v !== undefined);
  return verdicts.length === 0 ? {} : { reachable: verdicts.includes(true) };
}

/** The findings of one group, combined into one (every source kept). */
function mergeFindings(members: readonly ExtractedResult[]): Finding {
  const all = members.map((member) => member.finding);
  // A vulnerability reads best under its CVE id, with that tool's title.
  const lead =
    all.find((f) => f.category === 'vulnerability' && f.ruleId.startsWith('CVE-')) ?? all[0];
  if (!lead) throw new Error('empty group');
  // The group's values in one pass over its members. Where one member's value is kept, it is the
  // first one given (a truthy one; for cvss, any number).
  let severity = lead.severity;
  const ids = new Set<string>();
  const tools = new Set<string>();
  const cwes = new Set<string>();
  const sources: Source[] = [];
  // Every file the group was found in (one advisory at several lockfiles); lines within one file
  // are the tools' views of one place, so one location per file (the last one seen of that file,
  // in the first one's place).
  const byPath = new Map([[lead.location.path, lead.location]]);
  let fixedVersion: string | undefined;
  let purl: string | undefined;
  let ecosystem: string | undefined;
  let helpUri: string | undefined;
  let cvss: number | undefined;
  // The member that knows the layer's Dockerfile instruction (Trivy reads the image history) wins.
  let layeredImage: Image | undefined;
  let anyImage: Image | undefined;
  // One member that saw the vulnerable code called makes the group reachable; unknown stays unset.
  let reachable: boolean | undefined;
  // One tool's suppression does not silence what another tool still reports.
  let suppressed = true;
  const addId = (id: string | undefined): void => {
    if (id) ids.add(id);
  };
  for (const f of all) {
    if (severityRank[f.severity] > severityRank[severity]) severity = f.severity;
    addId(f.cve);
    addId(f.ghsa);
    f.aliases?.forEach(addId);
    for (const tool of f.tools) tools.add(tool);
    for (const source of f.sources) sources.push(source);
    for (const cwe of f.cwe) cwes.add(cwe);
    byPath.set(f.location.path, f.location);
    fixedVersion ||= f.package?.fixedVersion;
    purl ||= f.package?.purl;
    ecosystem ||= f.package?.ecosystem;
    helpUri ||= f.helpUri;
    cvss ??= f.cvss;
    if (f.image?.layer?.createdBy) layeredImage ??= f.image;
    anyImage ??= f.image;
    if (f.reachable !== undefined) reachable = reachable === true || f.reachable;
    if (!f.suppressed) suppressed = false;
  }
  const aliases = [...ids].sort();
  const cve = aliases.find((id) => id.startsWith('CVE-'));
  const ghsa = aliases.find((id) => id.startsWith('GHSA-'));
  const image = layeredImage ?? anyImage;
  const locations = [...byPath.values()];
  // A borrowed severity stays noted only when no member rated the finding that high itself.
  const rated = all.filter((f) => f.severity === severity);
  const severitySource = rated.every((f) => f.severitySource)
    ? rated[0]?.severitySource
    : undefined;
  // The lead's copy with the group's values set key by key, in the order an object literal with
  // spreads gave them (the JSON key order), without a dozen intermediate objects per group.
  const merged: Finding = { ...lead };
  if (locations.length > 1) merged.locations = locations;
  merged.severity = severity;
  merged.severitySource = severitySource;
  merged.tools = [...tools].sort();
  merged.sources = sources;
  merged.cwe = [...cwes].sort();
  if (helpUri) merged.helpUri = helpUri;
  if (lead.package) {
    const pkg = { ...lead.package };
    if (fixedVersion) pkg.fixedVersion = fixedVersion;
    if (purl) pkg.purl = purl;
    if (ecosystem) pkg.ecosystem = ecosystem;
    merged.package = pkg;
  }
  if (cve) merged.cve = cve;
  if (ghsa) merged.ghsa = ghsa;
  if (aliases.length > 1) merged.aliases = aliases;
  if (cvss !== undefined) merged.cvss = cvss;
  if (image) merged.image = image;
  if (reachable !== undefined) merged.reachable = reachable;
  merged.suppressed = suppressed ? true : undefined;
  return merged;
}

/**
 * Tools mark a multi-line secret (a private key block) differently: one the whole block, one its
 * body. Across tools, a secret that starts inside another's line range in the same file is the same.
 */
function unionOverlappingSecrets(ordered: readonly ExtractedResult[], unionFind: UnionFind): void {
  const byPath = new Map<string, number[]>();
  ordered.forEach(({ finding }, index) => {
    if (finding.category !== 'secret' || finding.location.startLine === undefined) return;
    const list = byPath.get(finding.location.path);
    if (list) list.push(index);
    else byPath.set(finding.location.path, [index]);
  });
  const within = (line: number, other: Finding): boolean =>
    line >= (other.location.startLine ?? 0) &&
    line <= (other.location.endLine ?? other.location.startLine ?? 0);
  for (const indexes of byPath.values()) {
    // Each pair once: the lists are in ascending index order.
    indexes.forEach((i, position) => {
      for (let later = position + 1; later < indexes.length; later++) {
        const j = indexes[later] ?? i;
        const a = ordered[i]?.finding;
        const b = ordered[j]?.finding;
        if (i === j || !a || !b || a.tools[0] === b.tools[0]) continue;
        if (within(a.location.startLine ?? 0, b) || within(b.location.startLine ?? 0, a))
          unionFind.union(i, j);
      }
    });
  }
}

/** What the report order compares, read off a finding once. */
interface ReportOrderKey {
  severity: number;
  notCalled: number;
  path: string;
  line: number;
  ruleId: string;
  id: string;
}

function reportOrderKey(finding: Finding): ReportOrderKey {
  return {
    severity: severityRank[finding.severity],
    notCalled: Number(finding.reachable === false),
    path: finding.location.path,
    line: finding.location.startLine ?? 0,
    ruleId: finding.ruleId,
    id: finding.id,
  };
}

function compareReportOrderKeys(a: ReportOrderKey, b: ReportOrderKey): number {
  return (
    b.severity - a.severity ||
    a.notCalled - b.notCalled ||
    byCodeUnit(a.path, b.path) ||
    a.line - b.line ||
    byCodeUnit(a.ruleId, b.ruleId) ||
    byCodeUnit(a.id, b.id)
  );
}

/**
 * The findings in report order: worst first; within a severity, code known not to be called sorts
 * down; then by place, rule and id. The keys are read once per finding: comparing the findings
 * themselves read them from objects of many shapes (their optional keys) at every comparison.
 */
export function inReportOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding) => ({ finding, key: reportOrderKey(finding) }))
    .sort((a, b) => compareReportOrderKeys(a.key, b.key))
    .map(({ finding }) => finding);
}

/** A finding's line range; a result without lines is about the whole file. */
function lineRange(finding: Finding): [number, number] {
  const start = finding.location.startLine;
  if (start === undefined) return [0, Number.MAX_SAFE_INTEGER];
  return [start, Math.max(start, finding.location.endLine ?? start)];
}

/**
 * Two tools' IaC checks with the same intent merge only when they are about the same resource:
 * same file and overlapping line ranges (a resource block, or a line inside it). Each merged
 * finding holds at most one result per tool, so two resources — or two results of one tool —
 * are never folded together; the tightest overlaps pair first.
 */
function unionSameResourceChecks(
  ordered: readonly ExtractedResult[],
  unionFind: UnionFind,
  knowledge: ToolKnowledge,
): void {
  type Span = { index: number; tool: string | undefined; range: [number, number] };
  const buckets = new Map<string, Span[]>();
  ordered.forEach(({ finding }, index) => {
    if (finding.category !== 'iac') return;
    const tool = finding.tools[0];
    const intent = knowledge.iacIntent(tool ?? '', finding.ruleId);
    if (!intent) return;
    const key = `${finding.location.path}\u0000${intent}`;
    const span = { index, tool, range: lineRange(finding) };
    const bucket = buckets.get(key);
    if (bucket) bucket.push(span);
    else buckets.set(key, [span]);
  });
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    // Sweep by start line: only ranges that start before one ends can overlap it.
    const spans = bucket.sort((x, y) => x.range[0] - y.range[0] || x.index - y.index);
    const pairs: { a: number; b: number; looseness: number }[] = [];
    for (const [position, first] of spans.entries()) {
      const [startA, endA] = first.range;
      for (let next = position + 1; next < spans.length; next++) {
        const second = spans[next];
        if (!second) break;
        const [startB, endB] = second.range;
        if (startB > endA) break;
        if (second.tool === first.tool) continue;
        // How far the two ranges are from being the same range: 0 for an exact match.
        const [a, b] =
          first.index < second.index ? [first.index, second.index] : [second.index, first.index];
        pairs.push({ a, b, looseness: Math.abs(startA - startB) + Math.abs(endA - endB) });
      }
    }
    pairs.sort((x, y) => x.looseness - y.looseness || x.a - y.a || x.b - y.b);
    const toolsOf = new Map<number, Set<string>>();
    const tools = (index: number): Set<string> => {
      const root = unionFind.find(index);
      let known = toolsOf.get(root);
      if (!known) {
        known = new Set(ordered[index]?.finding.tools ?? []);
        toolsOf.set(root, known);
      }
      return known;
    };
    for (const { a, b } of pairs) {
      if (unionFind.find(a) === unionFind.find(b)) continue;
      const toolsA = tools(a);
      const toolsB = tools(b);
      if ([...toolsB].some((tool) => toolsA.has(tool))) continue;
      unionFind.union(a, b);
      toolsOf.set(unionFind.find(a), new Set([...toolsA, ...toolsB]));
    }
  }
}

export interface DedupeResult {
  findings: Finding[];
  inputResults: number;
  duplicatesMerged: number;
}

/** Merge results that describe the same problem; every input stays reachable through sources[]. */
export function dedupe(
  extracted: readonly ExtractedResult[],
  knowledge: ToolKnowledge,
): DedupeResult {
  const ordered = inMergeOrder(extracted);
  const unionFind = new UnionFind(ordered.length);
  // A key's one finding, or its list once a second finding shares it (most keys have one).
  const byKey = new Map<string, number | number[]>();
  ordered.forEach((item, index) => {
    for (const key of mergeKeys(item.finding)) {
      const known = byKey.get(key);
      if (known === undefined) byKey.set(key, index);
      else if (typeof known === 'number') byKey.set(key, [known, index]);
      else known.push(index);
    }
  });
  for (const indexes of byKey.values()) {
    if (typeof indexes === 'number') continue;
    for (const index of indexes) {
      const item = ordered[index];
      if (!item) continue;
      const partner = indexes.find((other) => {
        const candidate = ordered[other];
        return (
          other < index && candidate !== undefined && mayMerge(candidate.finding, item.finding)
        );
      });
      if (partner !== undefined) unionFind.union(partner, index);
    }
  }
  unionOverlappingSecrets(ordered, unionFind);
  unionSameResourceChecks(ordered, unionFind, knowledge);
  const groups = new Map<number, ExtractedResult[]>();
  ordered.forEach((item, index) => {
    const root = unionFind.find(index);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  const usedIds = new Map<string, number>();
  const findings = [...groups.values()].map((members) => {
    const fingerprint = fingerprintOf(members, knowledge);
    const shortId = fingerprint.slice(0, 12);
    const seen = usedIds.get(shortId) ?? 0;
    usedIds.set(shortId, seen + 1);
    // Most groups have one member, already in merged form (extraction sorts and dedupes its lists).
    // Its finding is the extracted one, which dedupe owns: filled in place rather than copied (its
    // `id` and `fingerprint` keys are already first, so the key order is the same).
    const merged = members.length === 1 && members[0] ? members[0].finding : mergeFindings(members);
    merged.fingerprint = fingerprint;
    merged.id = seen === 0 ? `SF-${shortId}` : `SF-${shortId}-${seen + 1}`;
    return merged;
  });
  return {
    findings: inReportOrder(findings),
    inputResults: extracted.length,
    duplicatesMerged: extracted.length - findings.length,
  };
}
