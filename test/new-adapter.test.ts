/**
 * The design's promise, tested: a new scanner is one adapter file, one registry line and one
 * tools.json pin. A copy of the project gets exactly those three changes for a throw-away tool
 * ("toyscan", a shell script standing in for the binary); then, with nothing else touched, the copy
 * type-checks, plans the tool, runs it, parses its output, merges its findings with another tool's,
 * reports it, imports its native JSON in `scanfold merge`, accepts it as an action input, lists it
 * in the CLI help and puts it in the README's scanner table.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import type { Report } from '../src/model/scan-result.ts';
import { fakeGitleaks, fakeToolCache, MINIMAL_SARIF } from './support/fake-tools.ts';
import { REPO_ROOT } from './support/run-cli.ts';

const ADAPTER = `import path from 'node:path';
import type { Log } from 'sarif';
import { z } from 'zod';
import type { ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf, toolSettings } from './adapter.ts';
import { firstSemver, parseOutputs } from './common.ts';
import { location, rule, sarifLog } from './native-sarif.ts';
import type { ReportingDescriptor } from 'sarif';

interface ToyReport {
  toyscan: string;
  findings: { rule: string; kind: string; file: string; line: number }[];
}

function isToyReport(data: unknown): data is ToyReport {
  return typeof data === 'object' && data !== null && 'toyscan' in data && 'findings' in data;
}

function toSarif(data: unknown): Log | undefined {
  if (!isToyReport(data)) return undefined;
  const rules = new Map<string, ReportingDescriptor>();
  const results = data.findings.map((finding) => {
    rule(rules, finding.rule, () => ({ id: finding.rule, properties: { tags: [finding.kind] } }));
    return {
      ruleId: finding.rule,
      message: { text: finding.rule + ' in ' + finding.file },
      locations: location(finding.file, finding.line),
    };
  });
  return sarifLog('ToyScan', data.toyscan, rules, results);
}

const TOY_JSON = { label: 'ToyScan JSON', toSarif };

/** \`toyscan:\` in the config file: its settings live here, nowhere else. */
const TOY_SETTINGS = toolSettings({
  key: 'toyscan',
  schema: z.object({ depth: z.enum(['shallow', 'deep']) }).partial().strict(),
  resolve: (section) => ({ depth: section?.depth ?? 'shallow' }),
});

export const toyscan: ScannerAdapter & { readonly settings: typeof TOY_SETTINGS } = {
  name: 'toyscan',
  tool: 'toyscan',
  title: 'ToyScan',
  description: 'a throw-away scanner proving adapters own their tool',
  outputs: 'native JSON',
  categories: ['secret', 'code'],
  settings: TOY_SETTINGS,
  applies: (_config, files) =>
    files.some((file) => file.endsWith('.py'))
      ? { applies: true }
      : { applies: false, reason: 'no Python files' },
  versionArgs: ['--version'],
  parseVersion: firstSemver,
  exclude: { honoured: false, why: 'toyscan scans everything' },
  async scan(context) {
    const report = path.join(context.workDir, 'toyscan.json');
    const exit = await context.exec(['--depth', context.config.toyscan.depth, '--out', report, '.']);
    return outcomeOf(exit, [report], { what: 'toyscan' });
  },
  // Its native report, converted by nativeJson below: the same reading for scan and merge.
  parse: (outputs) => parseOutputs(outputs, TOY_JSON),
  ownsDriver: driverContains('toyscan'),
  nativeJson: TOY_JSON,
  defaultSeverity: 'critical',
};
`;

const TOY_REPORT = {
  toyscan: '2.3.4',
  findings: [
    // The same secret gitleaks reports (app.py line 3): one finding, two tools.
    { rule: 'toy-secret', kind: 'secret', file: 'app.py', line: 3 },
    { rule: 'toy-eval', kind: 'code', file: 'app.py', line: 9 },
  ],
};

const TOY_TOOL = `echo "$@" >> "$(dirname "$0")/calls.log"
if [ "$1" = --version ]; then echo "toyscan version 2.3.4"; exit 0; fi
out=""
while [ $# -gt 0 ]; do if [ "$1" = --out ]; then out="$2"; shift; fi; shift; done
cat > "$out" <<'JSON'
${JSON.stringify(TOY_REPORT)}
JSON`;

function node(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const run = spawnSync(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A copy of the project with exactly the three changes a contributor makes. */
async function projectWithToyscan(): Promise<string> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'scanfold-new-adapter-'));
  for (const entry of [
    'src',
    'scripts',
    'rules',
    'schemas',
    'README.md',
    'action.yml',
    'package.json',
    'tsconfig.json',
    'tools.json',
  ])
    await cp(path.join(REPO_ROOT, entry), path.join(copy, entry), { recursive: true });
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  // 1. The adapter file.
  await writeFile(path.join(copy, 'src', 'scanners', 'toyscan.ts'), ADAPTER);
  // 2. The registry line (its import, and its place in the list).
  const registryFile = path.join(copy, 'src', 'scanners', 'registry.ts');
  const registry = await readFile(registryFile, 'utf8');
  const listed = registry
    .replace(
      /\nimport \{ trivy \} from '\.\/trivy\.ts';\n/,
      "$&import { toyscan } from './toyscan.ts';\n",
    )
    .replace(/(export const ADAPTERS[^=]*= \[)/, '$1toyscan, ');
  assert.notEqual(listed, registry);
  await writeFile(registryFile, listed);
  // 3. The pin.
  const manifestFile = path.join(copy, 'tools.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
    tools: Record<string, unknown>;
  };
  manifest.tools.toyscan = {
    version: '2.3.4',
    registry: { kind: 'pypi', package: 'toyscan', version: '2.3.4' },
  };
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return copy;
}

test('a new scanner is one adapter file, one registry line and one pin', async () => {
  const copy = await projectWithToyscan();
  const cli = path.join(copy, 'src', 'cli', 'index.ts');

  // It type-checks with nothing else changed.
  const tsc = node(
    [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'],
    {
      cwd: copy,
    },
  );
  assert.equal(tsc.code, 0, tsc.stdout + tsc.stderr);

  // The CLI help and the action's input check know it.
  const help = node([cli, 'scan', '--help'], { cwd: copy });
  assert.match(help.stdout, /toyscan\s+a throw-away scanner/);
  const inputs = (await import(
    pathToFileURL(path.join(copy, 'src', 'action', 'inputs.ts')).href
  )) as {
    parseActionInputs: (read: (name: string) => string) => { scanners?: string[] };
  };
  assert.deepEqual(
    inputs.parseActionInputs((name) => (name === 'scanners' ? 'toyscan,gitleaks' : '')).scanners,
    ['toyscan', 'gitleaks'],
  );

  // Its config section is part of the config file's schema, with the usual file:line: key errors.
  const typo = await mkdtemp(path.join(os.tmpdir(), 'scanfold-toy-config-'));
  await writeFile(path.join(typo, '.scanfold.yml'), 'failOn: high\ntoyscan:\n  dept: deep\n');
  const rejected = node([cli, 'scan', typo, '--scanners', 'toyscan', '--no-install'], {
    cwd: typo,
  });
  assert.equal(rejected.code, 2, rejected.stdout + rejected.stderr);
  assert.match(
    rejected.stderr,
    /\.scanfold\.yml:3: unknown key 'toyscan\.dept' — did you mean 'toyscan\.depth'\?/,
  );

  // The README table script lists it.
  const readme = node([path.join(copy, 'scripts', 'readme-scanners.ts')], { cwd: copy });
  assert.equal(readme.code, 0, readme.stderr);
  assert.match(
    await readFile(path.join(copy, 'README.md'), 'utf8'),
    /\| ToyScan \(`toyscan`\) \| a throw-away scanner .* \| native JSON \| not applied: toyscan scans everything \| SARIF, ToyScan JSON \|/,
  );

  // Planned, run, parsed, merged with gitleaks' finding of the same secret, and reported.
  const project = await mkdtemp(path.join(os.tmpdir(), 'scanfold-toy-project-'));
  await writeFile(path.join(project, 'app.py'), 'import os\n\nKEY = "x"\n');
  await writeFile(
    path.join(project, '.scanfold.yml'),
    'exclude: [vendor/]\ntoyscan:\n  depth: deep\n',
  );
  const toolCache = await fakeToolCache({
    gitleaks: fakeGitleaks(`cat > "$out" <<'JSON'\n${MINIMAL_SARIF}\nJSON`),
  });
  await mkdir(path.join(toolCache, 'toyscan', '2.3.4', 'bin'), { recursive: true });
  await writeFile(
    path.join(toolCache, 'toyscan', '2.3.4', 'bin', 'toyscan'),
    `#!/usr/bin/env bash\n${TOY_TOOL}\n`,
    {
      mode: 0o755,
    },
  );
  const out = path.join(project, 'out');
  const scan = node(
    [
      cli,
      'scan',
      project,
      '--scanners',
      'toyscan,gitleaks',
      '--out',
      out,
      '--fail-on',
      'none',
      '--no-install',
    ],
    { cwd: copy, env: { SCANFOLD_TOOL_CACHE: toolCache, PATH: '/usr/bin:/bin' } },
  );
  assert.equal(scan.code, 0, scan.stdout + scan.stderr);
  const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as Report;
  const toy = report.scanners.find((scanner) => scanner.name === 'toyscan');
  assert.equal(toy?.status, 'ok');
  assert.equal(toy?.findings, 2);
  assert.deepEqual(toy?.outputs, ['raw/toyscan.json']);
  assert.deepEqual(toy?.notes, ['exclude not applied: toyscan scans everything']);
  // The version comes from the install marker: the tool runs once, for the scan only.
  assert.equal(toy?.version, '2.3.4');
  const calls = await readFile(
    path.join(toolCache, 'toyscan', '2.3.4', 'bin', 'calls.log'),
    'utf8',
  );
  const lines = calls.trim().split('\n');
  assert.equal(lines.length, 1, calls);
  // Its own config section reached it, typed, through ScanConfig.
  assert.match(lines[0] ?? '', /^--depth deep --out \S+toyscan\.json \.$/);
  const secret = report.findings.find((finding) => finding.category === 'secret');
  assert.deepEqual(secret?.tools, ['gitleaks', 'toyscan']);
  const code = report.findings.find((finding) => finding.ruleId === 'toy-eval');
  assert.equal(code?.severity, 'critical', "the adapter's default severity");
  assert.equal(report.summary.inputResults, 3);
  assert.equal(report.summary.total, 2);
  const sarif = JSON.parse(await readFile(path.join(out, 'scanfold.sarif'), 'utf8')) as Log;
  assert.ok(sarif.runs.some((run) => run.automationDetails?.id === 'scanfold/toyscan/'));
  assert.match(await readFile(path.join(out, 'report.md'), 'utf8'), /toyscan/);

  // `scanfold merge` reads its native JSON through the adapter.
  const native = path.join(project, 'toyscan-report.json');
  await writeFile(native, JSON.stringify(TOY_REPORT));
  const merged = path.join(project, 'merged');
  const merge = node(
    [cli, 'merge', native, '--out', merged, '--root', project, '--fail-on', 'none'],
    {
      cwd: copy,
    },
  );
  assert.equal(merge.code, 0, merge.stdout + merge.stderr);
  const mergedReport = JSON.parse(
    await readFile(path.join(merged, 'report.json'), 'utf8'),
  ) as Report;
  assert.deepEqual(mergedReport.summary.byTool, { toyscan: 2 });
});
