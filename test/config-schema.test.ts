import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { configJsonSchema } from '../scripts/config-schema.ts';
import { resolveConfig } from '../src/config/load.ts';
import { ConfigurationError } from '../src/model/errors.ts';
import { REPO_ROOT } from './support/run-cli.ts';

const GOOD = `# every policy key
failOn: high
failOnScope: new
baseline: previous/report.json
scanners: [trivy, semgrep]
suppressions:
  - rule: CKV_DOCKER_2
    reason: health is checked by the orchestrator (SEC-142)
    expires: 2027-03-31
  - cve: GHSA-35jh-r3h4-6jhm
    path: 'examples/**'
    reason: not reachable
licenses:
  deny: [GPL-3.0-only, AGPL-3.0-or-later]
  severity: high
`;

async function withConfig(text: string, run: (dir: string) => void): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-config-'));
  try {
    await writeFile(path.join(dir, '.scanfold.yml'), text);
    run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function configError(dir: string): string {
  try {
    resolveConfig({ root: dir });
  } catch (error) {
    assert.ok(error instanceof ConfigurationError);
    return error.message;
  }
  assert.fail('expected a ConfigurationError');
}

test('schemas/config.schema.json is generated from the zod schema and up to date', async () => {
  const committed = await readFile(path.join(REPO_ROOT, 'schemas', 'config.schema.json'), 'utf8');
  assert.equal(committed, configJsonSchema(), 'run: node scripts/config-schema.ts');
});

test('the JSON Schema accepts what zod accepts and rejects what zod rejects', async () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(configJsonSchema()) as object);
  assert.ok(validate(parseYaml(GOOD)), JSON.stringify(validate.errors));
  await withConfig(GOOD, (dir) => {
    const config = resolveConfig({ root: dir });
    assert.equal(config.failOnScope, 'new');
    assert.equal(config.suppressions.length, 2);
    assert.equal(config.suppressions[0]?.expires, '2027-03-31');
    assert.equal(config.baseline, path.join(dir, 'previous', 'report.json'));
  });
  for (const bad of [
    { scanners: ['trivvy'] },
    { supressions: [] },
    { suppressions: [{ rule: 'X' }] }, // no reason
    { suppressions: [{ reason: 'matches nothing' }] }, // no matcher
    { failOnScope: 'some' },
  ]) {
    assert.equal(validate(bad), false, `JSON Schema accepted ${JSON.stringify(bad)}`);
  }
});

test('config errors name the file, the line and the key, with the closest valid one', async () => {
  const text = [
    'failOn: high', // 1
    'scanners:', // 2
    '  - trivvy', // 3
    'supressions: []', // 4
    'trivy:', // 5
    '  scaners: [vuln]', // 6
    'suppressions:', // 7
    '  - rule: X', // 8
    '    expires: 2027-02-30', // 9
    '    reason: ok', // 10
    '  - reason: no matcher', // 11
    'failOnScope: neww', // 12
  ].join('\n');
  await withConfig(text, (dir) => {
    const lines = configError(dir).split('\n');
    const file = path.relative(process.cwd(), path.join(dir, '.scanfold.yml'));
    assert.deepEqual(lines, [
      `${file}:3: scanners[0]: unknown scanner 'trivvy' — did you mean 'trivy'?`,
      `${file}:4: unknown key 'supressions' — did you mean 'suppressions'?`,
      `${file}:6: unknown key 'trivy.scaners' — did you mean 'trivy.scanners'?`,
      `${file}:9: suppressions[0].expires: is not a real date`,
      `${file}:11: suppressions[1]: needs at least one of rule, fingerprint, cve, path, tool`,
      `${file}:12: failOnScope: unknown failOnScope 'neww' — did you mean 'new'?`,
    ]);
  });
});

test('a syntax error names the file and line', async () => {
  await withConfig('failOn: high\nscanners: [trivy\n', (dir) => {
    const message = configError(dir);
    assert.match(message, /\.scanfold\.yml:\d+: not valid YAML: /);
  });
});
