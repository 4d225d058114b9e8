import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Log, Result } from 'sarif';
import { normalize } from '../src/normalize/index.ts';
import { renderMarkdown } from '../src/outputs/markdown.ts';

const ROOT = '/repo';

function log(tool: string, results: Result[]): Log {
  return { version: '2.1.0', runs: [{ tool: { driver: { name: tool, rules: [] } }, results }] };
}

function vuln(options: {
  ruleId: string;
  uri: string;
  name: string;
  version: string;
  aliases: string[];
  reachable?: boolean;
  level?: Result['level'];
}): Result {
  return {
    ruleId: options.ruleId,
    level: options.level ?? 'error',
    message: { text: `${options.name} ${options.version}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: options.uri } } }],
    properties: {
      tags: ['vulnerability'],
      'scanfold/package': { name: options.name, version: options.version },
      'scanfold/aliases': options.aliases,
      ...(options.reachable === undefined ? {} : { 'scanfold/reachable': options.reachable }),
    },
  };
}

const TEXT = ['GO-2022-1059', 'CVE-2022-32149', 'GHSA-69ch-w2m2-3vjp'];
const WS = ['GO-2020-0019', 'CVE-2020-27813', 'GHSA-3xh2-74w9-5vxm'];

/** govulncheck's verdicts on the example's two Go modules: x/text called, websocket not. */
function govulncheckVerdicts(websocketLevel?: Result['level']) {
  return {
    file: 'raw/govulncheck-1.sarif',
    tool: 'govulncheck',
    log: log('govulncheck', [
      vuln({
        ruleId: 'GO-2022-1059',
        uri: 'go.mod',
        name: 'golang.org/x/text',
        version: '0.3.7',
        aliases: TEXT,
        reachable: true,
      }),
      vuln({
        ruleId: 'GO-2020-0019',
        uri: 'go.mod',
        name: 'github.com/gorilla/websocket',
        version: '1.4.0',
        aliases: WS,
        reachable: false,
        ...(websocketLevel ? { level: websocketLevel } : {}),
      }),
    ]),
  };
}

test('govulncheck verdicts merge into the Trivy/OSV findings of the same module, version and advisory', () => {
  const inputs = [
    govulncheckVerdicts('warning'),
    {
      file: 'raw/trivy.sarif',
      tool: 'trivy',
      log: log('trivy', [
        vuln({
          ruleId: 'CVE-2022-32149',
          uri: 'go.mod',
          name: 'golang.org/x/text',
          version: 'v0.3.7',
          aliases: TEXT.slice(1),
        }),
        vuln({
          ruleId: 'CVE-2020-27813',
          uri: 'go.mod',
          name: 'github.com/gorilla/websocket',
          version: 'v1.4.0',
          aliases: WS.slice(1),
        }),
        // Same module and advisory in a Go binary inside a scanned image: a finding of its own
        // (each image is its own artifact), still marked.
        {
          ...vuln({
            ruleId: 'CVE-2022-32149',
            uri: 'docker-archive:app.tar',
            name: 'golang.org/x/text',
            version: 'v0.3.7',
            aliases: TEXT.slice(1),
          }),
          properties: {
            tags: ['vulnerability'],
            'scanfold/package': { name: 'golang.org/x/text', version: 'v0.3.7' },
            'scanfold/aliases': TEXT.slice(1),
            'scanfold/image': { ref: 'docker-archive:app.tar' },
          },
        },
        // Another version of the module: govulncheck did not analyse it.
        vuln({
          ruleId: 'CVE-2022-32149',
          uri: 'tools/go.mod',
          name: 'golang.org/x/text',
          version: 'v0.3.6',
          aliases: TEXT.slice(1),
        }),
      ]),
    },
    {
      file: 'raw/osv-scanner.sarif',
      tool: 'osv-scanner',
      log: log('osv-scanner', [
        vuln({
          ruleId: 'CVE-2022-32149',
          uri: 'file:///repo/go.mod',
          name: 'golang.org/x/text',
          version: '0.3.7',
          aliases: TEXT,
        }),
      ]),
    },
  ];
  const { findings, inputResults } = normalize(inputs, ROOT);
  assert.equal(inputResults, 7);
  assert.equal(findings.flatMap((f) => f.sources).length, 7, 'every source kept');
  const text = findings.find((f) => f.location.path === 'go.mod' && f.cve === 'CVE-2022-32149');
  assert.deepEqual(text?.tools, ['govulncheck', 'osv-scanner', 'trivy']);
  assert.equal(text?.reachable, true);
  const ws = findings.find((f) => f.cve === 'CVE-2020-27813');
  assert.deepEqual(ws?.tools, ['govulncheck', 'trivy']);
  assert.equal(ws?.reachable, false);
  const inImage = findings.find((f) => f.image?.ref === 'docker-archive:app.tar');
  assert.deepEqual(inImage?.tools, ['trivy']);
  assert.equal(inImage?.reachable, true);
  assert.equal(findings.find((f) => f.location.path === 'tools/go.mod')?.reachable, undefined);
  // Within one severity, the unreachable finding sorts after the others.
  const high = findings.filter((f) => f.severity === ws?.severity);
  assert.equal(high.at(-1)?.cve, 'CVE-2020-27813');
});

test('the comment says which vulnerable code is called and which is not', () => {
  const { findings } = normalize([govulncheckVerdicts()], ROOT);
  const report = {
    schemaVersion: '1.0.0',
    tool: { name: 'scanfold', version: '0.0.0' },
    generatedAt: new Date(0).toISOString(),
    root: ROOT,
    summary: {
      total: findings.length,
      bySeverity: { critical: 0, high: 2, medium: 0, low: 0, info: 0 },
      byCategory: { vulnerability: 2, secret: 0, code: 0, iac: 0, license: 0, sbom: 0 },
      byTool: { govulncheck: 2 },
      inputResults: 2,
      duplicatesMerged: 0,
    },
    gate: { result: 'passed' as const, failOn: 'none' as const, reason: 'none' },
    scanners: [],
    findings,
    truncated: [],
    errors: [],
    manifest: {},
  };
  const markdown = renderMarkdown(report as Parameters<typeof renderMarkdown>[0]);
  assert.match(markdown, /GO-2022-1059.*<b>reachable<\/b>: the vulnerable code is called/);
  assert.match(markdown, /GO-2020-0019.*not reachable: imported, never called/);
});
