/**
 * The SARIF and CycloneDX validators are compiled at build time (scripts/generate-validators.ts):
 * the committed modules must be what the generator makes of today's schemas, and must judge every
 * document exactly as the same schemas compiled by Ajv at run time do (the same errors, field by
 * field, since repairSarif acts on their paths and keywords).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Ajv, ValidateFunction } from 'ajv';
import {
  bomAjv,
  GENERATED_DIR,
  sarifAjv,
  UNIQUE_ITEMS,
  withLinearUniqueItems,
} from '../scripts/generate-validators.ts';
import { linearUniqueItems } from '../src/outputs/unique-items.ts';
import bomGenerated from '../src/outputs/generated/cyclonedx.js';
import sarifGenerated from '../src/outputs/generated/sarif.js';
import { REPO_ROOT } from './support/run-cli.ts';

const RECORDED = path.join(REPO_ROOT, 'test', 'fixtures', 'recorded');

test('the committed validators are what scripts/generate-validators.ts makes of the schemas', async () => {
  const fresh = await mkdtemp(path.join(tmpdir(), 'scanfold-validators-'));
  try {
    await promisify(execFile)(process.execPath, [
      path.join(REPO_ROOT, 'scripts', 'generate-validators.ts'),
      fresh,
    ]);
    const committedDir = fileURLToPath(GENERATED_DIR);
    const names = (await readdir(fresh)).sort();
    assert.deepEqual((await readdir(committedDir)).sort(), names);
    assert.ok(names.includes('sarif.js') && names.includes('cyclonedx.js'));
    for (const name of names) {
      const committed = await readFile(path.join(committedDir, name), 'utf8');
      const expected = await readFile(path.join(fresh, name), 'utf8');
      assert.ok(
        committed === expected,
        `src/outputs/generated/${name} is stale: run npm run generate:validators`,
      );
    }
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
});

/** Paths (keys from the root) of every value in `doc`, depth first. */
function paths(doc: unknown, prefix: readonly string[] = []): string[][] {
  const below =
    doc !== null && typeof doc === 'object'
      ? Object.entries(doc).flatMap(([key, value]) => paths(value, [...prefix, key]))
      : [];
  return [[...prefix], ...below];
}

/** A deep copy of `doc` with the value at `keys` changed by `change`. */
function mutated(doc: unknown, keys: readonly string[], change: (value: unknown) => unknown) {
  const copy = structuredClone(doc) as Record<string, unknown>;
  if (keys.length === 0) return change(copy);
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1) ?? '';
  node[last] = change(node[last]);
  return copy;
}

/**
 * Wrong types, bad formats, unknown properties and repeated items, once under each property name
 * that `doc` uses (each name stands for a place in the schema).
 */
function* variants(doc: unknown): Generator<unknown> {
  yield doc;
  const firstByName = new Map<string, string[]>();
  for (const keys of paths(doc)) {
    const name = keys.map((key) => (/^\d+$/.test(key) ? '#' : key)).join('/');
    if (!firstByName.has(name)) firstByName.set(name, keys);
  }
  for (const keys of firstByName.values()) {
    for (const replacement of [42, -1, 'not a uri', '', null, true, {}, []])
      yield mutated(doc, keys, () => replacement);
    yield mutated(doc, keys, (value) =>
      Array.isArray(value)
        ? [...(value as unknown[]), ...(value as unknown[]).slice(0, 1)]
        : value !== null && typeof value === 'object'
          ? { ...value, unknownProperty: 1 }
          : value,
    );
  }
}

async function corpus(names: readonly string[]): Promise<unknown[]> {
  return Promise.all(
    names.map(
      async (name) => JSON.parse(await readFile(path.join(RECORDED, name), 'utf8')) as unknown,
    ),
  );
}

/**
 * The validator as scanfold compiled it at run time before: the whole schemas (annotations too),
 * and the unique-items keyword as a `validate` function reporting Ajv's default error.
 */
function runTimeCompiled({ ajv, schema }: { ajv: Ajv; schema: object }): ValidateFunction {
  ajv.removeKeyword(UNIQUE_ITEMS);
  ajv.addKeyword({
    keyword: UNIQUE_ITEMS,
    type: 'array',
    schemaType: 'boolean',
    errors: false,
    validate: (unique: unknown, data: unknown[]) => unique !== true || linearUniqueItems(data),
  });
  return ajv.compile(schema);
}

function compare(
  generated: typeof sarifGenerated,
  reference: ValidateFunction,
  docs: readonly unknown[],
): number {
  let invalid = 0;
  for (const doc of docs)
    for (const variant of variants(doc)) {
      const valid = generated(variant);
      assert.equal(valid, reference(variant), JSON.stringify(reference.errors?.slice(0, 3)));
      assert.deepEqual(generated.errors ?? null, reference.errors ?? null);
      if (!valid) invalid++;
    }
  return invalid;
}

test('the generated SARIF validator gives the errors Ajv gives at run time', async () => {
  const reference = runTimeCompiled(sarifAjv(withLinearUniqueItems, false));
  const docs = await corpus([
    'trivy/trivy.sarif',
    'semgrep/semgrep.sarif',
    'checkov/results_sarif.sarif',
    'gitleaks/gitleaks.sarif',
    'grype/grype.sarif.json',
    'trivy-vuln/trivy.sarif.json',
  ]);
  assert.ok(compare(sarifGenerated, reference, docs) > 1000);
});

test('the generated CycloneDX validator gives the errors Ajv gives at run time', async () => {
  const reference = runTimeCompiled(bomAjv(withLinearUniqueItems, false));
  const docs = await corpus([
    'syft/syft.cdx.json',
    'trivy/trivy.cdx.json',
    'grype/input-sbom.cdx.json',
  ]);
  assert.ok(compare(bomGenerated, reference, docs) > 500);
});
