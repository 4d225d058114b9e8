import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { readmeWithTable } from '../scripts/readme-scanners.ts';
import { ActionInputsSchema } from '../src/action/inputs.ts';
import { FileConfigSchema } from '../src/config/schema.ts';
import { loadManifest } from '../src/install/manifest.ts';
import { ADAPTERS, knowledgeOf, SCANNER_NAMES } from '../src/scanners/registry.ts';
import { REPO_ROOT } from './support/run-cli.ts';

test('the README scanner table is generated from the registry and up to date', () => {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  assert.equal(readme, readmeWithTable(readme), 'run: node scripts/readme-scanners.ts');
});

test('every registered scanner is pinned, has a unique name, and depends only on registered ones', () => {
  const manifest = loadManifest();
  assert.equal(new Set(SCANNER_NAMES).size, ADAPTERS.length);
  for (const adapter of ADAPTERS) {
    assert.ok(manifest.tools[adapter.tool], `${adapter.tool}: missing from tools.json`);
    for (const dependency of adapter.dependsOn ?? [])
      assert.ok(SCANNER_NAMES.includes(dependency), `${adapter.name} depends on ${dependency}`);
    assert.ok(adapter.ownsDriver(adapter.title), `${adapter.name} owns its own SARIF driver name`);
  }
});

test('the config file and the action input accept exactly the registered scanners', () => {
  assert.ok(FileConfigSchema.safeParse({ scanners: [...SCANNER_NAMES] }).success);
  assert.equal(FileConfigSchema.safeParse({ scanners: ['nope'] }).success, false);
  const parsed = ActionInputsSchema.parse({ scanners: SCANNER_NAMES.join(',') });
  assert.deepEqual(parsed.scanners, SCANNER_NAMES);
  assert.equal(ActionInputsSchema.safeParse({ scanners: 'trivy,nope' }).success, false);
  // action.yml's default (empty) means every registered scanner.
  const action = parseYaml(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  assert.equal(action.inputs.scanners?.default, '');
});

test('tools the registry does not know keep apart, whatever script their names are in', () => {
  const knowledge = knowledgeOf(ADAPTERS);
  // ASCII names keep the keys they always had: a code-scanning category is made of them.
  assert.equal(knowledge.toolOf('Semgrep OSS'), 'semgrep');
  assert.equal(knowledge.toolOf('ESLint'), 'eslint');
  assert.equal(knowledge.toolOf('My Linter'), 'my-linter');
  const keys = ['工具', '도구', '!!!', '???', '工具 A', '其他 A'].map((name) =>
    knowledge.toolOf(name),
  );
  assert.equal(new Set(keys).size, keys.length, keys.join(', '));
  for (const key of keys) assert.match(key, /^[a-z0-9._-]+$/);
});
