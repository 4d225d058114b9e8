import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../model/finding.ts';
import type { ControlStatus, Framework, ScannerReport } from '../model/scan-result.ts';
import { adapterNamed, TOOL_KNOWLEDGE } from '../scanners/registry.ts';
import { normalizeTrivyCheckId } from '../scanners/trivy.ts';

const iacIntent = (tool: string, ruleId: string): string | undefined =>
  TOOL_KNOWLEDGE.iacIntent(tool, ruleId);
import cweTop25 from './data/cwe-top25-2025.json' with { type: 'json' };
import owasp2021 from './data/owasp-top10-2021.json' with { type: 'json' };
import owasp2025 from './data/owasp-top10-2025.json' with { type: 'json' };
import trivyCompliance from './data/trivy-compliance.json' with { type: 'json' };

interface CweFramework {
  id: string;
  name: string;
  version: string;
  source: string;
  license: string;
  /** Findings of these categories fall under a control whatever their CWEs (e.g. A06 for dependencies). */
  categories?: Partial<Record<string, string>>;
  controls: { id: string; title: string; cwes: string[] }[];
}

const CWE_FRAMEWORKS: readonly CweFramework[] = [owasp2021, owasp2025, cweTop25];

/** Hard-coded credentials, whichever tool found them. */
const SECRET_CWE = 'CWE-798';

function cwesOf(finding: Finding): string[] {
  return finding.category === 'secret' ? [...new Set([...finding.cwe, SECRET_CWE])] : finding.cwe;
}

/**
 * The Trivy check (normalized, e.g. `DS-2`) each source of a finding stands for: Trivy's own ids,
 * and Checkov ids only through the Trivy↔Checkov intent map (the Checkov adapter's twins) — a Checkov check without a Trivy twin
 * maps to nothing, never to a guess.
 */
export function trivyChecksOf(finding: Finding): Set<string> {
  const checks = new Set<string>();
  for (const source of finding.sources) {
    const check =
      source.tool === 'trivy'
        ? normalizeTrivyCheckId(source.ruleId)
        : iacIntent(source.tool, source.ruleId);
    if (check) checks.add(check);
  }
  return checks;
}

const DOCKERFILE = /(^|\/)([^/]*\.)?dockerfile(\.[^/]*)?$/i;

/** Trivy's special check ids that name a class of findings rather than one check. */
const SPECIAL_CHECKS = ['SECRET-CRITICAL'] as const;

function specialCheckMatches(check: string, finding: Finding): boolean {
  // Docker CIS 4.10 "secrets are not stored in Dockerfiles".
  if (check === 'SECRET-CRITICAL')
    return finding.category === 'secret' && DOCKERFILE.test(finding.location.path);
  return false;
}

/** Check ids (normalized like trivyChecksOf) that ran and passed, e.g. from Checkov's passed_checks. */
export type PassedChecks = ReadonlySet<string>;

/**
 * The checks each scanner that completed says ran and passed, read from its raw JSON by its own
 * adapter (Checkov's `passed_checks`, Trivy's `Status: "PASS"`). Each becomes the Trivy check it
 * stands for — a Checkov check only through its Trivy twin — so a control can pass only on a check
 * that actually ran.
 */
export async function passedChecksFrom(
  outputDir: string,
  scanners: readonly ScannerReport[],
): Promise<Set<string>> {
  const passed = new Set<string>();
  for (const scanner of scanners) {
    const adapter = adapterNamed(scanner.name);
    if (!adapter?.passedChecks || scanner.status !== 'ok') continue;
    for (const output of scanner.outputs.filter((file) => file.endsWith('.json'))) {
      let data: unknown;
      try {
        data = JSON.parse(await readFile(path.join(outputDir, output), 'utf8'));
      } catch {
        continue;
      }
      for (const check of adapter.passedChecks(data)) {
        const intent = adapter.iac?.intentOf(check.checkId);
        if (intent) passed.add(intent);
      }
    }
  }
  return passed;
}

/** "4.10" after "4.9", "2.1.3" after "1.20": control ids read as dotted numbers. */
function byControlId(a: { id: string }, b: { id: string }): number {
  return a.id.localeCompare(b.id, 'en', { numeric: true });
}

/** A framework's identity and provenance, with the controls as this run assessed them. */
function frameworkResult(
  framework: Pick<Framework, 'id' | 'name' | 'version' | 'source' | 'license'>,
  controls: Framework['controls'],
): Framework {
  const { id, name, version, source, license } = framework;
  return { id, name, version, source, license, controls };
}

export interface ComplianceResult {
  frameworks: Framework[];
  /** Finding id → the `framework:control` keys it falls under. */
  byFinding: Map<string, string[]>;
}

/**
 * Map findings onto frameworks. A control fails when an unsuppressed finding maps to it, passes
 * only when one of its checks ran and passed and none failed, and is otherwise not assessed —
 * never passed on silence. CIS frameworks none of whose checks were seen are left out.
 */
export function mapCompliance(
  findings: readonly Finding[],
  passedChecks: PassedChecks = new Set(),
): ComplianceResult {
  const byFinding = new Map<string, string[]>();
  const counted = findings.filter((finding) => !finding.suppressed);
  /**
   * Each control's findings (in finding order) through an index of what a control matches on: one
   * pass over the findings per framework, not one per control (45 passes at 100k findings).
   * Each finding is tagged in control order.
   */
  const assess = (
    frameworkId: string,
    controls: readonly { id: string }[],
    controlsByKey: ReadonlyMap<string, readonly number[]>,
    candidates: readonly Finding[],
    keysOf: (finding: Finding) => Iterable<string>,
  ): string[][] => {
    const ids = controls.map((): string[] => []);
    const tagOf = controls.map((control) => `${frameworkId}:${control.id}`);
    for (const finding of candidates) {
      // Most findings match one key or none: a set only when a second key adds controls. Each
      // index list is ascending and distinct (see indexBy).
      let first: readonly number[] | undefined;
      let hit: Set<number> | undefined;
      for (const key of keysOf(finding)) {
        const matched = controlsByKey.get(key);
        if (!matched) continue;
        if (!first) first = matched;
        else {
          hit ??= new Set(first);
          for (const index of matched) hit.add(index);
        }
      }
      if (!first) continue;
      let tags = byFinding.get(finding.id);
      if (!tags) byFinding.set(finding.id, (tags = []));
      for (const index of hit ? [...hit].sort((a, b) => a - b) : first) {
        ids[index]?.push(finding.id);
        const tag = tagOf[index] ?? '';
        if (!tags.includes(tag)) tags.push(tag);
      }
    }
    return ids;
  };
  const indexBy = (keysOfControl: (index: number) => readonly string[], count: number) => {
    const index = new Map<string, number[]>();
    for (let control = 0; control < count; control++)
      for (const key of keysOfControl(control)) {
        const list = index.get(key) ?? [];
        if (!list.includes(control)) list.push(control);
        index.set(key, list);
      }
    return index;
  };
  // What each finding matches on, worked out once rather than once per framework: its category
  // with its CWEs, or (a dependency in a framework with category controls) its category alone.
  const withCwes = new Map<Finding, string[]>();
  const categoryAlone = new Map<string, string[]>();
  const frameworks: Framework[] = [];
  const categoryKeys = new Map<string, string>();
  const categoryKey = (category: string): string => {
    let key = categoryKeys.get(category);
    if (key === undefined) categoryKeys.set(category, (key = `category:${category}`));
    return key;
  };
  for (const finding of counted) {
    const category = categoryKey(finding.category);
    withCwes.set(finding, [category, ...cwesOf(finding)]);
    if (!categoryAlone.has(finding.category)) categoryAlone.set(finding.category, [category]);
  }
  for (const framework of CWE_FRAMEWORKS) {
    const controlsByKey = indexBy((control) => {
      const { id, cwes } = framework.controls[control] ?? { id: '', cwes: [] };
      const categories = Object.entries(framework.categories ?? {})
        .filter(([, controlId]) => controlId === id)
        .map(([category]) => categoryKey(category));
      return [...cwes, ...categories];
    }, framework.controls.length);
    const ids = assess(
      framework.id,
      framework.controls,
      controlsByKey,
      counted,
      (finding) =>
        // A known-vulnerable dependency is a supply-chain risk, not its CWE's category, in OWASP.
        (finding.category !== 'vulnerability' || !framework.categories
          ? withCwes.get(finding)
          : categoryAlone.get(finding.category)) ?? [],
    );
    const controls = framework.controls.map((control, index) => {
      const found = ids[index] ?? [];
      const status: ControlStatus = found.length > 0 ? 'fail' : 'not-assessed';
      return { id: control.id, title: control.title, status, findings: found };
    });
    frameworks.push(frameworkResult(framework, controls));
  }
  const checksByFinding = new Map<Finding, Set<string>>();
  for (const finding of counted) {
    const checks = trivyChecksOf(finding);
    for (const special of SPECIAL_CHECKS)
      if (specialCheckMatches(special, finding)) checks.add(special);
    if (checks.size > 0) checksByFinding.set(finding, checks);
  }
  // Only findings that stand for a check can fall under a Trivy framework's control (most, the
  // dependencies and code findings, stand for none): each framework walks those alone.
  const checked = [...checksByFinding.keys()];
  for (const framework of trivyCompliance.frameworks) {
    const checksOf = framework.controls.map((control) =>
      control.checks.map((id) => normalizeTrivyCheckId(id) ?? id),
    );
    const ids = assess(
      framework.id,
      framework.controls,
      indexBy((control) => checksOf[control] ?? [], framework.controls.length),
      checked,
      (finding) => checksByFinding.get(finding) ?? [],
    );
    let seen = false;
    const controls = framework.controls.map((control, index) => {
      const found = ids[index] ?? [];
      const passed = (checksOf[index] ?? []).filter((check) => passedChecks.has(check));
      if (found.length > 0 || passed.length > 0) seen = true;
      const status: ControlStatus =
        found.length > 0 ? 'fail' : passed.length > 0 ? 'pass' : 'not-assessed';
      return {
        id: control.id,
        title: control.title,
        status,
        findings: found,
        ...(passed.length ? { passed } : {}),
      };
    });
    if (!seen) continue;
    controls.sort(byControlId);
    frameworks.push(frameworkResult(framework, controls));
  }
  return { frameworks, byFinding };
}
