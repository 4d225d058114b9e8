import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { z } from 'zod';
import { CategorySchema, LocationSchema, SeveritySchema } from '../model/finding.ts';
import type { Finding } from '../model/finding.ts';
import type { BaselineInfo, FixedFinding } from '../model/scan-result.ts';
import { ConfigurationError, errorMessage, firstIssue, jsonErrorDetail } from '../model/errors.ts';

const run = promisify(execFile);

/** What scanfold needs from a previous report.json; anything else in it is ignored. */
const BaselineFindingSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  category: CategorySchema,
  severity: SeveritySchema,
  ruleId: z.string(),
  title: z.string().optional(),
  tools: z.array(z.string()),
  location: LocationSchema,
  cve: z.string().optional(),
  ghsa: z.string().optional(),
  package: z.object({ name: z.string(), version: z.string().optional() }).optional(),
  sources: z.array(z.object({ tool: z.string(), ruleId: z.string() })).optional(),
});
type BaselineFinding = z.infer<typeof BaselineFindingSchema>;

const BaselineReportSchema = z.object({
  generatedAt: z.string().optional(),
  findings: z.array(BaselineFindingSchema),
  scanners: z.array(z.object({ name: z.string(), status: z.string() })).optional(),
  settings: z.object({ scanners: z.array(z.string()), digest: z.string() }).optional(),
  git: z.object({ commit: z.string().optional() }).optional(),
});
export type BaselineReport = z.infer<typeof BaselineReportSchema> & { file: string };

export async function loadBaseline(file: string): Promise<BaselineReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`baseline ${file}: cannot be read: ${errorMessage(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the bytes around the fault, and a report.json can hold a secret.
    throw new ConfigurationError(`baseline ${file}: invalid JSON (${jsonErrorDetail(error)})`);
  }
  const parsed = BaselineReportSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigurationError(
      `baseline ${file}: not a scanfold report.json (${firstIssue(parsed.error)})`,
    );
  }
  return { ...parsed.data, file };
}

/** Old path → new path for files git saw renamed since the baseline's commit (`git diff -M`). */
export async function gitRenames(
  root: string,
  commit: string | undefined,
): Promise<Map<string, string>> {
  const renames = new Map<string, string>();
  if (!commit || !/^[0-9a-f]{7,64}$/i.test(commit)) return renames;
  try {
    const { stdout } = await run(
      'git',
      ['-C', root, 'diff', '--relative', '-M', '--name-status', '-z', commit, '--'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const fields = stdout.split('\0');
    for (let i = 0; i < fields.length; i++) {
      const status = fields[i] ?? '';
      if (status.startsWith('R') || status.startsWith('C')) {
        const from = fields[i + 1];
        const to = fields[i + 2];
        if (from && to && status.startsWith('R')) renames.set(from, to);
        i += 2;
      } else if (status) i += 1;
    }
  } catch {
    // Not a git checkout, or the baseline's commit is not in this clone: match without renames.
  }
  return renames;
}

export async function gitCommit(root: string): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', root, 'rev-parse', 'HEAD']);
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

interface Comparable {
  category: string;
  ruleId: string;
  tools: readonly string[];
  location: { path: string; startLine?: number | undefined };
  cve?: string | undefined;
  ghsa?: string | undefined;
  package?: { name: string; version?: string | undefined } | undefined;
  sources?: readonly { tool: string; ruleId: string }[] | undefined;
}

/**
 * Same problem in the same file, whatever its line: the keys of the second, looser pass. One key
 * per tool rule behind the finding, so a finding two tools merged in one run still matches the
 * same finding reported by only one of them in the other.
 */
function looseKeys(finding: Comparable, filePath: string): string[] {
  if (finding.category === 'vulnerability')
    return [
      `vulnerability|${finding.cve ?? finding.ghsa ?? finding.ruleId}|${finding.package?.name.toLowerCase() ?? ''}@${finding.package?.version ?? ''}|${filePath}`,
    ];
  const rules = finding.sources?.length
    ? finding.sources.map((source) => `${source.tool}:${source.ruleId}`)
    : finding.tools.map((tool) => `${tool}:${finding.ruleId}`);
  return [...new Set(rules)].map((rule) => `${finding.category}|${rule}|${filePath}`);
}

export interface BaselineComparison {
  findings: Finding[];
  fixed: FixedFinding[];
  info: BaselineInfo;
}

export interface CompareRequest {
  findings: readonly Finding[];
  baseline: BaselineReport;
  renames: ReadonlyMap<string, string>;
  /** Tools that completed this run; a baseline finding of a tool that did not is not "fixed". */
  completedTools: ReadonlySet<string>;
  /** This run's scanner set and settings digest, to flag a baseline from another setup. */
  settings: { scanners: readonly string[]; digest: string } | undefined;
}

/**
 * new / unchanged / fixed. First by fingerprint (survives line shifts: fingerprints hash content,
 * not lines); then, for what is left, the same rule or advisory in the same file (after git
 * renames), nearest line first — which also covers findings whose fingerprint holds a line number.
 */
export function compareWithBaseline(request: CompareRequest): BaselineComparison {
  const { baseline, renames } = request;
  const pending = new Map<string, BaselineFinding[]>();
  for (const old of baseline.findings) {
    const list = pending.get(old.fingerprint);
    if (list) list.push(old);
    else pending.set(old.fingerprint, [old]);
  }
  const status = new Map<Finding, 'new' | 'unchanged'>();
  // Which tools of each baseline finding are accounted for. Tools can disagree on a line (Gitleaks
  // reports where a secret entered the history, Trivy where it is now), so one baseline finding
  // may be matched exactly through one tool and loosely through another.
  const claimed = new Map<BaselineFinding, Set<string>>();
  const claim = (old: BaselineFinding, tools: readonly string[]): void => {
    const set = claimed.get(old) ?? new Set<string>();
    for (const tool of tools) set.add(tool);
    claimed.set(old, set);
  };
  const unmatched: Finding[] = [];
  for (const finding of request.findings) {
    const old = pending.get(finding.fingerprint)?.shift();
    if (old) {
      claim(old, finding.tools);
      status.set(finding, 'unchanged');
    } else unmatched.push(finding);
  }
  const byLooseKey = new Map<string, BaselineFinding[]>();
  for (const old of baseline.findings) {
    for (const key of looseKeys(old, renames.get(old.location.path) ?? old.location.path)) {
      const group = byLooseKey.get(key);
      if (group) group.push(old);
      else byLooseKey.set(key, [old]);
    }
  }
  const toolOf = (key: string): string => key.split('|')[1]?.split(':')[0] ?? '';
  for (const finding of unmatched) {
    const line = finding.location.startLine ?? 0;
    let best: BaselineFinding | undefined;
    for (const key of looseKeys(finding, finding.location.path)) {
      const tool = toolOf(key);
      for (const old of byLooseKey.get(key) ?? []) {
        if (finding.category !== 'vulnerability' && claimed.get(old)?.has(tool)) continue;
        if (finding.category === 'vulnerability' && claimed.has(old)) continue;
        const distance = Math.abs((old.location.startLine ?? 0) - line);
        if (!best || distance < Math.abs((best.location.startLine ?? 0) - line)) best = old;
      }
    }
    if (best) claim(best, finding.tools);
    status.set(finding, best ? 'unchanged' : 'new');
  }
  let notRechecked = 0;
  const fixed: FixedFinding[] = [];
  for (const old of baseline.findings) {
    if (claimed.has(old)) continue;
    if (!old.tools.some((tool) => request.completedTools.has(tool))) {
      notRechecked++;
      continue;
    }
    fixed.push({
      id: old.id,
      fingerprint: old.fingerprint,
      ruleId: old.ruleId,
      ...(old.title ? { title: old.title } : {}),
      category: old.category,
      severity: old.severity,
      location: old.location,
      tools: old.tools,
    });
  }
  const reasons: string[] = [];
  if (baseline.settings && request.settings) {
    const before = [...baseline.settings.scanners].sort().join(', ');
    const now = [...request.settings.scanners].sort().join(', ');
    if (before !== now) reasons.push(`the baseline ran ${before}; this run ran ${now}`);
    else if (baseline.settings.digest !== request.settings.digest)
      reasons.push('the baseline was made with different scanner settings');
  }
  return {
    findings: request.findings.map((finding) => ({
      ...finding,
      baseline: status.get(finding) ?? 'new',
    })),
    fixed,
    info: {
      file: baseline.file,
      ...(baseline.generatedAt ? { generatedAt: baseline.generatedAt } : {}),
      comparable: reasons.length === 0,
      ...(reasons.length ? { reason: reasons.join('; ') } : {}),
      notRechecked,
      renames: renames.size,
    },
  };
}
