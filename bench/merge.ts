/**
 * Merge benchmark: scanfold's merge path against a JSON floor and against the peer tool.
 *
 *   ./node_modules/.bin/node bench/merge.ts              1k, 10k, 100k results
 *   BENCH_FULL=1 ./node_modules/.bin/node bench/merge.ts  adds 1M
 *
 * Environment:
 *   BENCH_SIZES=1000,50000   sizes to run (overrides the defaults and BENCH_FULL)
 *   BENCH_TOOLS=floor,scanfold,scanfold-cli,multitool   what to measure (default: all four)
 *   BENCH_REPEAT=3           runs per (size, tool); the median is reported (default 3 below
 *                            100k results, 1 from 100k on)
 *   BENCH_DIR=/tmp           where the temporary inputs go (removed afterwards unless BENCH_KEEP=1)
 *   BENCH_RESULTS_PER_FILE=150000   results per input file; more go to -partN files (merge refuses
 *                            inputs over 256 MiB, as a sharded scan would never write them)
 *   BENCH_NODE_OPTIONS=...   extra flags for the Node children, e.g. --max-old-space-size=16384
 *
 * For each size it writes five SARIF logs shaped like the real tools' output (Trivy, Grype,
 * Gitleaks, Semgrep, Checkov; Trivy and Grype overlap so dedupe has work), then runs each
 * measurement in a fresh process; wall time is taken around the process, peak RSS from
 * /usr/bin/time (or, without it, from the Node child's own process.resourceUsage()):
 *
 *   floor         read + JSON.parse + JSON.stringify(…, null, 2) + write of every input: the least
 *                 any tool that reads and writes this JSON can do
 *   scanfold      read + JSON.parse + normalize() + buildSarif() + JSON.stringify(…, null, 2) + write:
 *                 what assemble() does for the SARIF output (no SBOM, no reports)
 *   scanfold-cli  importFiles() as `scanfold merge` runs it: zod validation of each input, the
 *                 merged SARIF, SBOM (vulnerabilities are present), report.json, report.md, report.html
 *   multitool     `sarif-multitool merge` (@microsoft/sarif-multitool, .NET)
 *
 * The Node children also print their own phase timings, shown in the breakdown table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';

const ROOT = '/home/runner/work/bench-app/bench-app';
const TIME = '/usr/bin/time';
const SELF = new URL(import.meta.url).pathname;
const REPO = path.resolve(path.dirname(SELF), '..');

// ---------------------------------------------------------------------------------------------
// Deterministic input generation.

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Advisory {
  cve: string;
  ghsa: string;
  pkg: string;
  version: string;
  fixed: string;
  cvss: number;
  severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
  ecosystem: 'npm' | 'python' | 'go';
}

const GHSA_CHARS = '23456789cfghjmpqrvwx';
const SEVERITY_OF = (cvss: number): Advisory['severity'] =>
  cvss >= 9 ? 'CRITICAL' : cvss >= 7 ? 'HIGH' : cvss >= 4 ? 'MEDIUM' : 'LOW';

class Universe {
  readonly random: () => number;
  readonly advisories: Advisory[];
  readonly manifests: string[];
  readonly sources: string[];
  readonly iacFiles: string[];

  constructor(size: number) {
    this.random = prng(size);
    const advisoryCount = Math.min(20_000, Math.max(100, Math.round(size / 25)));
    this.advisories = Array.from({ length: advisoryCount }, (_, index) => {
      const cvss = Math.round((2 + this.random() * 8) * 10) / 10;
      const quad = (): string =>
        Array.from(
          { length: 4 },
          () => GHSA_CHARS[Math.floor(this.random() * GHSA_CHARS.length)],
        ).join('');
      const ecosystem = (['npm', 'python', 'go'] as const)[index % 3] ?? 'npm';
      return {
        cve: `CVE-${2018 + (index % 7)}-${String(10_000 + index).padStart(5, '0')}`,
        ghsa: `GHSA-${quad()}-${quad()}-${quad()}`,
        pkg: `${ecosystem === 'go' ? 'github.com/acme/' : ''}pkg-${index % Math.max(10, Math.round(advisoryCount / 3))}`,
        version: `${1 + (index % 4)}.${index % 10}.${index % 7}`,
        fixed: `${2 + (index % 4)}.0.0`,
        cvss,
        severity: SEVERITY_OF(cvss),
        ecosystem,
      };
    });
    const manifestCount = Math.max(5, Math.round(size / 500));
    const manifestNames = [
      'package-lock.json',
      'requirements.txt',
      'go.sum',
      'yarn.lock',
      'poetry.lock',
    ];
    this.manifests = Array.from(
      { length: manifestCount },
      (_, index) =>
        `services/svc-${index}/${manifestNames[index % manifestNames.length] ?? 'package-lock.json'}`,
    );
    const sourceCount = Math.max(20, Math.round(size / 40));
    const extensions = ['py', 'ts', 'js', 'go', 'java'];
    this.sources = Array.from(
      { length: sourceCount },
      (_, index) =>
        `src/module-${index % 60}/pkg-${index % 17}/file_${index}.${extensions[index % extensions.length] ?? 'py'}`,
    );
    const iacCount = Math.max(5, Math.round(size / 200));
    const iacNames = ['Dockerfile', 'main.tf', 'deployment.yaml', 'variables.tf'];
    this.iacFiles = Array.from(
      { length: iacCount },
      (_, index) => `deploy/stack-${index}/${iacNames[index % iacNames.length] ?? 'Dockerfile'}`,
    );
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('empty pool');
    return item;
  }

  line(): number {
    return 1 + Math.floor(this.random() * 400);
  }

  hex(length: number): string {
    let text = '';
    while (text.length < length)
      text += Math.floor(this.random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0');
    return text.slice(0, length);
  }
}

function region(
  line: number,
  snippet?: string,
): NonNullable<NonNullable<Result['locations']>[number]['physicalLocation']>['region'] {
  return {
    startLine: line,
    startColumn: 1 + (line % 9),
    endLine: line,
    endColumn: 80,
    ...(snippet === undefined ? {} : { snippet: { text: snippet } }),
  };
}

/** A SARIF writer that never holds a whole log as one string. */
/**
 * Results per input file. Above it a tool's results go to more files (`trivy-part2.sarif`, …), as
 * a sharded scan writes them: one 300 MB file would pass the 256 MiB input limit of `merge`.
 */
const RESULTS_PER_FILE = Number(process.env.BENCH_RESULTS_PER_FILE ?? 150_000);
/** The extra files writeLog started, in order (generate() lists them after the first ones). */
const extraParts: string[] = [];

async function writeLog(
  file: string,
  run: Omit<Run, 'results'>,
  results: Iterable<Result>,
  pretty: boolean,
): Promise<number> {
  const runJson = JSON.stringify({ ...run, results: [] }, null, pretty ? 2 : undefined);
  const [head, tail] = runJson.split(pretty ? '"results": []' : '"results":[]');
  if (head === undefined || tail === undefined) throw new Error('run template');
  let handle = await open(file, 'w');
  let buffer = '';
  let count = 0;
  let inFile = 0;
  let part = 1;
  const flush = async (force: boolean): Promise<void> => {
    if (buffer.length > 4_000_000 || (force && buffer.length > 0)) {
      await handle.write(buffer);
      buffer = '';
    }
  };
  const open_ = (): void => {
    buffer += `{${pretty ? '\n  ' : ''}"version":${pretty ? ' ' : ''}"2.1.0",${pretty ? '\n  ' : ''}"$schema":${pretty ? ' ' : ''}"https://json.schemastore.org/sarif-2.1.0.json",${pretty ? '\n  ' : ''}"runs":${pretty ? ' ' : ''}[`;
    buffer +=
      (pretty ? '\n    ' : '') +
      head.replaceAll('\n', '\n    ') +
      `"results":${pretty ? ' ' : ''}[`;
  };
  const close = async (): Promise<void> => {
    buffer +=
      (pretty && inFile > 0 ? '\n      ' : '') +
      ']' +
      tail.replaceAll('\n', '\n    ') +
      (pretty ? '\n  ]\n}\n' : ']}');
    await flush(true);
    await handle.close();
  };
  open_();
  for (const result of results) {
    if (inFile === RESULTS_PER_FILE) {
      await close();
      part++;
      const next = file.replace(/\.sarif$/, `-part${part}.sarif`);
      extraParts.push(next);
      handle = await open(next, 'w');
      inFile = 0;
      open_();
    }
    const text = pretty
      ? JSON.stringify(result, null, 2).replaceAll('\n', '\n        ')
      : JSON.stringify(result);
    buffer += (inFile === 0 ? '' : ',') + (pretty ? '\n        ' : '') + text;
    count++;
    inFile++;
    await flush(false);
  }
  await close();
  return count;
}

interface Pair {
  advisory: Advisory;
  manifest: string;
}

/** Writes the five inputs for `size` results into `dir`; returns their paths. */
async function generate(size: number, dir: string): Promise<string[]> {
  const u = new Universe(size);
  const counts = {
    trivy: Math.round(size * 0.35),
    grype: Math.round(size * 0.3),
    semgrep: Math.round(size * 0.2),
    checkov: Math.round(size * 0.1),
    gitleaks: 0,
  };
  counts.gitleaks = size - counts.trivy - counts.grype - counts.semgrep - counts.checkov;
  const trivyVulns = Math.round(counts.trivy * 0.8);
  const trivyMisconfig = Math.round(counts.trivy * 0.15);
  const trivySecrets = counts.trivy - trivyVulns - trivyMisconfig;
  const rootUri = `file://${ROOT}/`;

  // Distinct (advisory, manifest) pairs for Trivy; Grype then sees many of the same ones.
  const pairs: Pair[] = Array.from({ length: trivyVulns }, (_, index) => ({
    advisory: u.advisories[(index * 7_919) % u.advisories.length] ?? u.pick(u.advisories),
    manifest:
      u.manifests[Math.floor(index / u.advisories.length) % u.manifests.length] ??
      u.pick(u.manifests),
  }));
  const secretsSeen: { file: string; line: number }[] = [];

  const trivyRuleIds = new Set<string>();
  function* trivyResults(): Generator<Result> {
    for (const { advisory, manifest } of pairs) {
      trivyRuleIds.add(advisory.cve);
      yield {
        ruleId: advisory.cve,
        ruleIndex: 0,
        level:
          advisory.severity === 'CRITICAL' || advisory.severity === 'HIGH' ? 'error' : 'warning',
        message: {
          text:
            `Package: ${advisory.pkg}\nInstalled Version: ${advisory.version}\nVulnerability ${advisory.cve}\nSeverity: ${advisory.severity}\n` +
            `Fixed Version: ${advisory.fixed}\nLink: [${advisory.cve}](https://avd.aquasec.com/nvd/${advisory.cve.toLowerCase()})`,
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: manifest, uriBaseId: 'ROOTPATH' },
              region: region(1),
            },
          },
        ],
      };
    }
    for (let index = 0; index < trivyMisconfig; index++) {
      const id = u.pick([
        'DS002',
        'DS026',
        'DS013',
        'AVD-AWS-0089',
        'AVD-AWS-0086',
        'AVD-KSV-0014',
        'AVD-KSV-0017',
      ]);
      trivyRuleIds.add(id);
      yield {
        ruleId: id,
        ruleIndex: 0,
        level: 'error',
        message: {
          text: `Artifact: ${u.pick(u.iacFiles)}\nType: dockerfile\nVulnerability ${id}\nSeverity: HIGH\nMessage: Specify at least 1 USER command in Dockerfile with non-root user as argument`,
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: u.pick(u.iacFiles), uriBaseId: 'ROOTPATH' },
              region: region(u.line()),
            },
          },
        ],
      };
    }
    for (let index = 0; index < trivySecrets; index++) {
      const seen = { file: u.pick(u.sources), line: u.line() };
      secretsSeen.push(seen);
      trivyRuleIds.add('aws-access-key-id');
      yield {
        ruleId: 'aws-access-key-id',
        ruleIndex: 0,
        level: 'error',
        message: {
          text: `Artifact: ${seen.file}\nType: \nSecret AWS Access Key ID\nSeverity: CRITICAL\nMatch: AWS_ACCESS_KEY_ID=********************`,
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: seen.file, uriBaseId: 'ROOTPATH' },
              region: region(seen.line),
            },
          },
        ],
      };
    }
  }

  const files: string[] = [];
  // Trivy: rules are known only after the results, as the writer streams; collect ids first.
  const trivyResultList = [...trivyResults()];
  const advisoryByCve = new Map(u.advisories.map((advisory) => [advisory.cve, advisory]));
  const trivyRules: ReportingDescriptor[] = [...trivyRuleIds].map((id) => {
    const advisory = advisoryByCve.get(id);
    return {
      id,
      name: advisory ? 'LanguageSpecificPackageVulnerability' : 'Misconfiguration',
      shortDescription: { text: advisory ? `${advisory.pkg}: vulnerability ${id}` : `Check ${id}` },
      fullDescription: {
        text: `A description of ${id} as the advisory database gives it, usually two or three sentences long and explaining the impact.`,
      },
      defaultConfiguration: { level: 'error' },
      helpUri: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
      help: {
        text: `Vulnerability ${id}\nSeverity: ${advisory?.severity ?? 'HIGH'}\nPackage: ${advisory?.pkg ?? '-'}\nFixed Version: ${advisory?.fixed ?? '-'}\nLink: [${id}](https://avd.aquasec.com/nvd/${id.toLowerCase()})`,
        markdown: `**Vulnerability ${id}**\n| Severity | Package | Fixed Version | Link |\n| --- | --- | --- | --- |\n|${advisory?.severity ?? 'HIGH'}|${advisory?.pkg ?? '-'}|${advisory?.fixed ?? '-'}|[${id}](https://avd.aquasec.com/nvd/${id.toLowerCase()})|`,
      },
      properties: {
        precision: 'very-high',
        'security-severity': String(advisory?.cvss ?? 8.0),
        tags: [
          advisory ? 'vulnerability' : id === 'aws-access-key-id' ? 'secret' : 'misconfiguration',
          'security',
          advisory?.severity ?? 'HIGH',
        ],
      },
    };
  });
  const trivyIndex = new Map(trivyRules.map((rule, index) => [rule.id, index]));
  for (const result of trivyResultList) result.ruleIndex = trivyIndex.get(result.ruleId ?? '') ?? 0;
  files.push(path.join(dir, 'trivy.sarif'));
  await writeLog(
    files[files.length - 1] ?? '',
    {
      tool: {
        driver: {
          name: 'Trivy',
          fullName: 'Trivy Vulnerability Scanner',
          version: '0.58.1',
          informationUri: 'https://github.com/aquasecurity/trivy',
          rules: trivyRules,
        },
      },
      originalUriBaseIds: { ROOTPATH: { uri: rootUri } },
    },
    trivyResultList,
    true,
  );

  // Grype: 60% of its results repeat a Trivy pair (half under the CVE id, half under the GHSA id).
  const grypeRules = new Map<string, ReportingDescriptor>();
  const grypeResults: Result[] = [];
  for (let index = 0; index < counts.grype; index++) {
    const pair =
      u.random() < 0.6 && pairs.length > 0
        ? u.pick(pairs)
        : { advisory: u.pick(u.advisories), manifest: u.pick(u.manifests) };
    const { advisory, manifest } = pair;
    const vulnId = u.random() < 0.5 ? advisory.cve : advisory.ghsa;
    const id = `${vulnId}-${advisory.pkg}`;
    if (!grypeRules.has(id)) {
      grypeRules.set(id, {
        id,
        name: 'LanguageMatcherExactDirectMatch',
        shortDescription: {
          text: `${vulnId} ${advisory.severity.toLowerCase()} vulnerability for ${advisory.pkg} package`,
        },
        fullDescription: { text: `Advisory text for ${vulnId}.` },
        helpUri: `https://github.com/advisories/${advisory.ghsa}`,
        help: {
          text: `Vulnerability ${vulnId}\nSeverity: ${advisory.severity.toLowerCase()}\nPackage: ${advisory.pkg}\nVersion: ${advisory.version}\nFix Version: ${advisory.fixed}\nType: ${advisory.ecosystem}\nLocation: /${manifest}`,
        },
        properties: { 'security-severity': advisory.cvss.toFixed(1) },
      });
    }
    grypeResults.push({
      ruleId: id,
      level: advisory.severity === 'CRITICAL' || advisory.severity === 'HIGH' ? 'error' : 'warning',
      message: {
        text: `A ${advisory.severity.toLowerCase()} vulnerability in ${advisory.ecosystem} package: ${advisory.pkg}, version ${advisory.version} was found at: /${manifest}`,
      },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: `/${manifest}` }, region: region(1) },
          logicalLocations: [{ name: `/${manifest}`, fullyQualifiedName: `${ROOT}:/${manifest}` }],
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${u.hex(64)}:1` },
    });
  }
  files.push(path.join(dir, 'grype.sarif'));
  await writeLog(
    files[files.length - 1] ?? '',
    {
      tool: {
        driver: {
          name: 'grype',
          version: '0.86.1',
          informationUri: 'https://github.com/anchore/grype',
          rules: [...grypeRules.values()],
        },
      },
    },
    grypeResults,
    true,
  );

  // Semgrep: compact JSON, %SRCROOT% without a base, snippets.
  const semgrepRules: ReportingDescriptor[] = Array.from({ length: 30 }, (_, index) => {
    const cwe = [89, 79, 78, 22, 502, 798, 327, 611][index % 8] ?? 89;
    return {
      id: `lang.security.audit.rule-${index}`,
      name: `lang.security.audit.rule-${index}`,
      shortDescription: { text: `Semgrep Finding: lang.security.audit.rule-${index}` },
      fullDescription: {
        text: `Detected a pattern that may be vulnerable (rule ${index}). Review the flagged code and apply the recommended fix.`,
      },
      defaultConfiguration: { level: index % 3 === 0 ? 'error' : 'warning' },
      help: {
        text: `Rule ${index} help.`,
        markdown: `Rule ${index} help.\n\n<b>References:</b>\n - [https://cwe.mitre.org/data/definitions/${cwe}.html](https://cwe.mitre.org/data/definitions/${cwe}.html)`,
      },
      properties: {
        precision: 'very-high',
        tags: [`CWE-${cwe}: Weakness ${cwe}`, 'HIGH CONFIDENCE', 'security'],
      },
    };
  });
  const semgrepResults: Result[] = Array.from({ length: counts.semgrep }, () => {
    const line = u.line();
    const rule = u.pick(semgrepRules);
    return {
      ruleId: rule.id,
      message: { text: `${rule.fullDescription?.text ?? ''}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: u.pick(u.sources), uriBaseId: '%SRCROOT%' },
            region: region(
              line,
              `    cursor.execute("SELECT * FROM t WHERE id = " + request.args["id${line}"])`,
            ),
          },
        },
      ],
      fingerprints: { 'matchBasedId/v1': u.hex(64) },
      properties: {},
    };
  });
  files.push(path.join(dir, 'semgrep.sarif'));
  await writeLog(
    files[files.length - 1] ?? '',
    { tool: { driver: { name: 'Semgrep OSS', semanticVersion: '1.99.0', rules: semgrepRules } } },
    semgrepResults,
    false,
  );

  // Checkov: ruleIndex on every result, resource snippets.
  const checkovRules: ReportingDescriptor[] = Array.from({ length: 40 }, (_, index) => ({
    id: `CKV_${index % 2 === 0 ? 'DOCKER' : 'AWS'}_${index + 1}`,
    name: `Ensure that check ${index + 1} passes`,
    shortDescription: { text: `Ensure that check ${index + 1} passes` },
    fullDescription: { text: `Ensure that check ${index + 1} passes` },
    help: { text: `Ensure that check ${index + 1} passes\nResource: aws_s3_bucket.data` },
    defaultConfiguration: { level: 'error' },
  }));
  const checkovResults: Result[] = Array.from({ length: counts.checkov }, () => {
    const ruleIndex = Math.floor(u.random() * checkovRules.length);
    const line = u.line();
    return {
      ruleId: checkovRules[ruleIndex]?.id ?? 'CKV_DOCKER_1',
      ruleIndex,
      level: 'error',
      attachments: [],
      message: { text: checkovRules[ruleIndex]?.shortDescription?.text ?? '' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: u.pick(u.iacFiles) },
            region: {
              startLine: line,
              endLine: line + 4,
              snippet: {
                text: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n  acl    = "private"\n}\n',
              },
            },
          },
        },
      ],
    };
  });
  files.push(path.join(dir, 'checkov.sarif'));
  await writeLog(
    files[files.length - 1] ?? '',
    {
      tool: {
        driver: {
          name: 'Checkov',
          version: '3.2.334',
          informationUri: 'https://checkov.io',
          rules: checkovRules,
        },
      },
    },
    checkovResults,
    true,
  );

  // Gitleaks: a third of its findings are Trivy's secrets again.
  const gitleaksRuleIds = [
    'aws-access-token',
    'generic-api-key',
    'private-key',
    'github-pat',
    'slack-webhook-url',
    'stripe-access-token',
  ];
  const gitleaksResults: Result[] = Array.from({ length: counts.gitleaks }, () => {
    const seen =
      u.random() < 0.33 && secretsSeen.length > 0
        ? u.pick(secretsSeen)
        : { file: u.pick(u.sources), line: u.line() };
    const ruleId = u.pick(gitleaksRuleIds);
    return {
      message: { text: `${ruleId} has detected secret for file ${seen.file}.` },
      ruleId,
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: seen.file },
            region: region(seen.line, 'REDACTED'),
          },
        },
      ],
      partialFingerprints: { commitSha: '', email: '', author: '', date: '', commitMessage: '' },
      properties: { tags: [] },
    };
  });
  files.push(path.join(dir, 'gitleaks.sarif'));
  await writeLog(
    files[files.length - 1] ?? '',
    {
      tool: {
        driver: {
          name: 'gitleaks',
          semanticVersion: 'v8.21.2',
          informationUri: 'https://github.com/gitleaks/gitleaks',
          rules: gitleaksRuleIds.map((id) => ({
            id,
            shortDescription: { text: `Detected ${id}` },
          })),
        },
      },
    },
    gitleaksResults,
    true,
  );
  return [...files, ...extraParts.splice(0)];
}

// ---------------------------------------------------------------------------------------------
// Children: each measurement runs in its own process.

type Phases = Record<string, number>;

async function childFloor(files: readonly string[], outDir: string): Promise<Phases> {
  const phases: Phases = { read: 0, parse: 0, stringify: 0, write: 0 };
  for (const file of files) {
    let start = performance.now();
    const text = await readFile(file, 'utf8');
    phases.read = (phases.read ?? 0) + performance.now() - start;
    start = performance.now();
    const log = JSON.parse(text) as unknown;
    phases.parse = (phases.parse ?? 0) + performance.now() - start;
    start = performance.now();
    const out = JSON.stringify(log, null, 2) + '\n';
    phases.stringify = (phases.stringify ?? 0) + performance.now() - start;
    start = performance.now();
    await writeFile(path.join(outDir, path.basename(file)), out);
    phases.write = (phases.write ?? 0) + performance.now() - start;
  }
  return phases;
}

async function childScanfold(files: readonly string[], outDir: string): Promise<Phases> {
  const { normalize } = await import('../src/normalize/index.ts');
  const { buildSarif, countResults } = await import('../src/outputs/sarif.ts');
  const phases: Phases = { read: 0, parse: 0 };
  const inputs: { file: string; log: Log }[] = [];
  for (const file of files) {
    let start = performance.now();
    const text = await readFile(file, 'utf8');
    phases.read = (phases.read ?? 0) + performance.now() - start;
    start = performance.now();
    inputs.push({ file, log: JSON.parse(text) as Log });
    phases.parse = (phases.parse ?? 0) + performance.now() - start;
  }
  let start = performance.now();
  const normalized = normalize(inputs, ROOT);
  phases.normalize = performance.now() - start;
  start = performance.now();
  const merged = buildSarif({ inputs, findings: normalized.findings, root: ROOT });
  phases.buildSarif = performance.now() - start;
  start = performance.now();
  // What writeOutputs() does: streamed, so a log past V8's string limit still gets written.
  const { writeJsonFile } = await import('../src/outputs/json-stream.ts');
  await writeJsonFile(path.join(outDir, 'scanfold.sarif'), merged, { measure: 'runs' });
  phases.write = performance.now() - start;
  phases.results = countResults(merged);
  phases.findings = normalized.findings.length;
  return phases;
}

async function childScanfoldCli(files: readonly string[], outDir: string): Promise<Phases> {
  const { importFiles } = await import('../src/import/import.ts');
  const { silentLogger } = await import('../src/model/ports.ts');
  const start = performance.now();
  const outcome = await importFiles({
    files,
    outputDir: outDir,
    root: ROOT,
    failOn: 'none',
    logger: silentLogger,
  });
  return {
    importFiles: performance.now() - start,
    findings: outcome.report.summary.total,
    results: outcome.report.summary.inputResults,
  };
}

async function child(kind: string, outDir: string, files: readonly string[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const phases =
    kind === 'floor'
      ? await childFloor(files, outDir)
      : kind === 'scanfold'
        ? await childScanfold(files, outDir)
        : await childScanfoldCli(files, outDir);
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ phases, maxRssKb: usage.maxRSS, cpuSeconds }) + '\n');
}

// ---------------------------------------------------------------------------------------------
// Parent.

interface Measurement {
  wallSeconds: number;
  /** user + system CPU time: steadier than wall time on a busy machine. */
  cpuSeconds: number | undefined;
  peakRssMb: number | undefined;
  phases?: Phases;
  /** Results in the merged output, where the tool writes one file (multitool). */
  outputResults?: number;
  error?: string;
}

function multitoolBinary(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const binary = require('@microsoft/sarif-multitool') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

async function countOutputResults(file: string): Promise<number | undefined> {
  if (!existsSync(file) || (await stat(file)).size > 400 * 2 ** 20) return undefined;
  const log = JSON.parse(await readFile(file, 'utf8')) as Log;
  return log.runs.reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
}

async function measure(
  kind: string,
  files: readonly string[],
  outDir: string,
): Promise<Measurement> {
  const haveTime = existsSync(TIME);
  const timeFile = path.join(outDir, `.time-${kind}`);
  let command: string[];
  if (kind === 'multitool') {
    const binary = multitoolBinary();
    if (!binary) {
      const error = '@microsoft/sarif-multitool is not installed';
      return { wallSeconds: NaN, cpuSeconds: undefined, peakRssMb: undefined, error };
    }
    command = [binary, 'merge', ...files, '--output-directory', outDir];
    command.push('--output-file', 'merged.sarif', '--log', 'ForceOverwrite');
  } else {
    const nodeOptions = (process.env.BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
    command = [process.execPath, ...nodeOptions, SELF, '--child', kind, outDir, ...files];
  }
  const argv = haveTime ? [TIME, '-f', '%e %M %U %S', '-o', timeFile, ...command] : command;
  const started = performance.now();
  const run = spawnSync(argv[0] ?? '', argv.slice(1), {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    cwd: REPO,
  });
  const wall = (performance.now() - started) / 1000;
  const measurement: Measurement = {
    wallSeconds: wall,
    cpuSeconds: undefined,
    peakRssMb: undefined,
  };
  if (run.status !== 0) {
    const lines = `${run.stderr}\n${run.stdout}`.split('\n').map((line) => line.trim());
    // The error itself (e.g. "RangeError: Invalid string length"), not the stack under it.
    const detail =
      lines.find((line) => /^\w*(Error|error)\b|out of memory|Unhandled exception/.test(line)) ??
      lines.filter((line) => line && !line.startsWith('Command exited')).pop() ??
      '';
    measurement.error = `exit ${run.status ?? run.signal ?? '?'}: ${detail.slice(0, 300)}`;
  }
  if (kind === 'multitool') {
    if (!measurement.error)
      measurement.outputResults = await countOutputResults(path.join(outDir, 'merged.sarif'));
  } else {
    const line = run.stdout.trim().split('\n').pop() ?? '';
    try {
      const parsed = JSON.parse(line) as { phases: Phases; maxRssKb: number; cpuSeconds: number };
      measurement.phases = parsed.phases;
      measurement.peakRssMb = parsed.maxRssKb / 1024;
      measurement.cpuSeconds = parsed.cpuSeconds;
    } catch {
      /* no report: the child failed */
    }
  }
  if (haveTime && existsSync(timeFile)) {
    // GNU time: "%e %M %U %S" on the last line, after any "Command exited with non-zero status".
    const fields = (await readFile(timeFile, 'utf8')).trim().split('\n').pop()?.split(' ') ?? [];
    const [maxRssKb, user, system] = fields.slice(1).map(Number);
    if (maxRssKb !== undefined && Number.isFinite(maxRssKb))
      measurement.peakRssMb = maxRssKb / 1024;
    if (user !== undefined && system !== undefined && Number.isFinite(user + system)) {
      measurement.cpuSeconds = user + system;
    }
  }
  return measurement;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

function fmt(value: number | undefined, digits = 2): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

function ratio(value: number | undefined, base: number | undefined): number | undefined {
  return value === undefined || base === undefined || base === 0 ? undefined : value / base;
}

async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir)) total += (await stat(path.join(dir, entry))).size;
  return total;
}

const loadavg = (): string =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const defaults = [1_000, 10_000, 100_000, ...(process.env.BENCH_FULL === '1' ? [1_000_000] : [])];
  const sizes = process.env.BENCH_SIZES
    ? process.env.BENCH_SIZES.split(',')
        .map((size) => Number(size.trim()))
        .filter((size) => size > 0)
    : defaults;
  const kinds = (process.env.BENCH_TOOLS ?? 'floor,scanfold,scanfold-cli,multitool')
    .split(',')
    .map((kind) => kind.trim());
  const base = await mkdtemp(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'scanfold-bench-'));
  const cpus = os.cpus();
  console.log(`# scanfold merge benchmark`);
  console.log(
    `node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.platform()} ${os.release()}`,
  );
  console.log(
    `CPU time and peak RSS from ${existsSync(TIME) ? TIME : "the Node children's own resourceUsage() (no /usr/bin/time)"}; median of BENCH_REPEAT runs`,
  );
  console.log(`load average at start: ${loadavg()}\n`);
  /** Peak RSS per tool at the previous size, to skip a run that would not fit in memory. */
  const lastRss = new Map<string, { size: number; rssMb: number }>();
  const rows: string[] = [];
  const breakdown: string[] = [];
  try {
    for (const size of sizes) {
      const dir = path.join(base, String(size));
      const inputDir = path.join(dir, 'in');
      await mkdir(inputDir, { recursive: true });
      const generated = performance.now();
      const files = await generate(size, inputDir);
      const inputMb = (await directorySize(inputDir)) / 2 ** 20;
      const label = size.toLocaleString('en-US');
      console.log(
        `${label} results: ${inputMb.toFixed(1)} MiB of input in ${files.length} files (generated in ${((performance.now() - generated) / 1000).toFixed(1)} s)`,
      );
      const repeat = Number(process.env.BENCH_REPEAT ?? (size < 100_000 ? 3 : 1));
      let floor: Measurement | undefined;
      for (const kind of kinds) {
        const previous = lastRss.get(kind);
        const expectedMb = previous ? (previous.rssMb * size) / previous.size : 0;
        const availableMb = os.freemem() / 2 ** 20;
        if (expectedMb > 0.8 * availableMb && process.env.BENCH_FORCE !== '1') {
          const note = `skipped: would need about ${(expectedMb / 1024).toFixed(1)} GiB, ${(availableMb / 1024).toFixed(1)} GiB available (BENCH_FORCE=1 runs it anyway)`;
          rows.push(`| ${label} | ${inputMb.toFixed(1)} | ${kind} | skipped | | | | | | |`);
          console.log(`  ${kind.padEnd(12)} ${note}`);
          continue;
        }
        const runs: Measurement[] = [];
        for (let attempt = 0; attempt < repeat; attempt++) {
          const outDir = path.join(dir, `out-${kind}`);
          await rm(outDir, { recursive: true, force: true });
          await mkdir(outDir, { recursive: true });
          runs.push(await measure(kind, files, outDir));
          if (runs[runs.length - 1]?.error) break;
        }
        const failed = runs.find((run) => run.error);
        const pick = (get: (run: Measurement) => number | undefined): number | undefined =>
          median(runs.map(get).filter((value): value is number => value !== undefined));
        const summary: Measurement = {
          wallSeconds: pick((run) => run.wallSeconds) ?? NaN,
          cpuSeconds: pick((run) => run.cpuSeconds),
          peakRssMb: pick((run) => run.peakRssMb),
          ...(runs[0]?.phases ? { phases: runs[0].phases } : {}),
          ...(runs[0]?.outputResults !== undefined ? { outputResults: runs[0].outputResults } : {}),
          ...(failed?.error ? { error: failed.error } : {}),
        };
        if (kind === 'floor' && !failed) floor = summary;
        if (summary.peakRssMb !== undefined) lastRss.set(kind, { size, rssMb: summary.peakRssMb });
        const ok = !failed && floor !== undefined;
        const wallRatio = ok ? ratio(summary.wallSeconds, floor?.wallSeconds) : undefined;
        const cpuRatio = ok ? ratio(summary.cpuSeconds, floor?.cpuSeconds) : undefined;
        const rssRatio = ok ? ratio(summary.peakRssMb, floor?.peakRssMb) : undefined;
        const kept =
          summary.outputResults !== undefined
            ? `${summary.outputResults.toLocaleString('en-US')}`
            : summary.phases?.results !== undefined
              ? `${summary.phases.results.toLocaleString('en-US')}`
              : '';
        rows.push(
          `| ${label} | ${inputMb.toFixed(1)} | ${kind} | ${failed ? 'failed' : fmt(summary.wallSeconds)} | ${fmt(wallRatio, 1)} | ${fmt(summary.cpuSeconds)} | ${fmt(cpuRatio, 1)} | ${fmt(summary.peakRssMb, 0)} | ${fmt(rssRatio, 1)} | ${kept} |`,
        );
        console.log(
          `  ${kind.padEnd(12)} wall ${failed ? ' failed' : fmt(summary.wallSeconds).padStart(7)} s ×${fmt(wallRatio, 1).padStart(5)}   cpu ${fmt(summary.cpuSeconds).padStart(7)} s ×${fmt(cpuRatio, 1).padStart(5)}   peak RSS ${fmt(summary.peakRssMb, 0).padStart(6)} MiB ×${fmt(rssRatio, 1).padStart(5)}${kept ? `   results out ${kept}` : ''}${failed ? `   ${failed.error ?? ''}` : ''}`,
        );
        if (summary.phases) {
          const phases = Object.entries(summary.phases)
            .map(([name, value]) =>
              name === 'results' || name === 'findings'
                ? `${name} ${value}`
                : `${name} ${(value / 1000).toFixed(2)} s`,
            )
            .join(', ');
          breakdown.push(`| ${label} | ${kind} | ${phases} |`);
        }
      }
      if (process.env.BENCH_KEEP !== '1') await rm(dir, { recursive: true, force: true });
    }
  } finally {
    if (process.env.BENCH_KEEP !== '1') await rm(base, { recursive: true, force: true });
    else console.log(`inputs kept in ${base}`);
  }
  console.log(`\nload average at end: ${loadavg()}`);
  console.log(
    '\n| results | input MiB | tool | wall s | × floor | CPU s | × floor | peak RSS MiB | × floor | results out |',
  );
  console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);
  console.log('\n| results | tool | phases (first run, inside the child) |');
  console.log('| ---: | --- | --- |');
  for (const row of breakdown) console.log(row);
}

if (process.argv[2] === '--child') {
  const [, , , kind, outDir, ...files] = process.argv;
  await child(kind ?? 'floor', outDir ?? '.', files);
} else {
  await main();
}
