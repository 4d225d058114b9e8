/**
 * Outputs are valid against the official schemas whatever the inputs, and do not depend on the order
 * the inputs were given in; one bad SBOM drops only itself, named.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Log } from 'sarif';
import { importFiles as mergeFiles } from '../src/import/import.ts';
import { silentLogger } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';
import { validateBom, validateSarif } from '../src/outputs/validate.ts';

const RECORDED = fileURLToPath(new URL('./fixtures/recorded/', import.meta.url));
const INPUTS = [
  'trivy/trivy.sarif',
  'trivy/trivy.cdx.json',
  'syft/syft.cdx.json',
  'semgrep/semgrep.sarif',
  'checkov/results_sarif.sarif',
  'gitleaks/gitleaks.sarif',
].map((name) => path.join(RECORDED, name));

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scanfold-valid-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function merge(files: readonly string[], out: string) {
  return mergeFiles({
    files,
    outputDir: path.join(dir, out),
    root: '/work/repo',
    failOn: 'none',
    logger: silentLogger,
  });
}

/** What may differ between two runs: the time, the serial number, and the output file hashes that follow. */
function stable(text: string): string {
  return text
    .replace(/"(generatedAt|timestamp)": *"[^"]*"/g, '"$1":"T"')
    .replace(/urn:uuid:[0-9a-f-]{36}/g, 'urn:uuid:U');
}

describe('the same inputs in any order give the same outputs', () => {
  test('forward and reversed: scanfold.sarif, sbom.cdx.json and the findings are identical', async () => {
    const a = await merge(INPUTS, 'forward');
    const b = await merge([...INPUTS].reverse(), 'reversed');
    for (const name of ['scanfold.sarif', 'sbom.cdx.json']) {
      const left = stable(await readFile(path.join(dir, 'forward', name), 'utf8'));
      const right = stable(await readFile(path.join(dir, 'reversed', name), 'utf8'));
      assert.ok(left === right, `${name} differs with the input order`);
    }
    assert.deepEqual(b.report.findings, a.report.findings);
    assert.deepEqual(a.report.errors, []);
  });

  test('both outputs validate against SARIF 2.1.0 and CycloneDX 1.6, with one tool entry per tool version', async () => {
    const sbomText = await readFile(path.join(dir, 'forward', 'sbom.cdx.json'), 'utf8');
    const sbom = JSON.parse(sbomText) as {
      metadata: { tools: { components: { name: string }[] } };
    };
    assert.deepEqual(validateBom(sbom), []);
    const sarif = JSON.parse(
      await readFile(path.join(dir, 'forward', 'scanfold.sarif'), 'utf8'),
    ) as Log;
    assert.deepEqual(validateSarif(sarif), []);
    const names = sbom.metadata.tools.components.map((tool) => tool.name);
    assert.equal(new Set(names).size, names.length, names.join(','));
  });
});

describe('invalid pieces of inputs are repaired or left out, never passed on', () => {
  test('a guideline that is not a URI, message: {}, and a non-URI informationUri give valid SARIF', async () => {
    const file = path.join(dir, 'odd.sarif');
    await writeFile(
      file,
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name: 'Checkov',
                informationUri: 'checkov docs',
                rules: [{ id: 'CKV_X_1', helpUri: 'Ensure the bucket is private' }],
              },
            },
            results: [
              { ruleId: 'CKV_X_1', message: {}, locations: [] },
              { ruleId: 'CKV_X_1', message: { markdown: '**m**' }, locations: [] },
            ],
          },
        ],
      }),
    );
    const outcome = await merge([file], 'odd');
    assert.deepEqual(outcome.report.errors, []);
    assert.deepEqual(validateSarif(outcome.sarif), []);
    const rule = outcome.sarif.runs[0]?.tool.driver.rules?.[0];
    assert.equal(rule?.helpUri, undefined);
    assert.equal(rule?.help?.text, 'Ensure the bucket is private');
  });

  for (const [label, bom] of [
    ['licenses: null', { components: [{ name: 'a', licenses: null }] }],
    ['a numeric dependency ref', { components: [{ name: 'a' }], dependencies: [{ ref: 5 }] }],
    ['3,000-deep components', { components: '3000-deep' }],
  ] as const) {
    test(`one bad CycloneDX file (${label}) is left out, named; the other SBOMs merge`, async () => {
      const bad = path.join(dir, 'bad.cdx.json');
      // Too deep for JSON.stringify: written as text.
      const deep = `${'{"name":"n","components":['.repeat(3000)}{"name":"leaf"}${']}'.repeat(3000)}`;
      const text = JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        version: 1,
        ...bom,
      });
      await writeFile(bad, text.replace('"3000-deep"', `[${deep}]`));
      const outcome = await merge([INPUTS[2] ?? '', bad], `bad-${label.length}`);
      assert.equal(outcome.exitCode, 3);
      assert.equal(outcome.report.errors.length, 1, outcome.report.errors.join('\n'));
      assert.match(outcome.report.errors[0] ?? '', /bad\.cdx\.json/);
      assert.ok((outcome.report.sbom?.components ?? 0) > 0);
      const report = JSON.parse(await readFile(outcome.files.report, 'utf8')) as Report;
      assert.ok(Object.keys(report.manifest).includes('sbom.cdx.json'));
    });
  }
});

describe('uniqueItems is checked in one pass, with the schema meaning of equal', () => {
  const rule = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id,
    shortDescription: { text: `rule ${id}` },
    ...extra,
  });
  const log = (rules: unknown[]): unknown => ({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'x', rules } }, results: [] }],
  });

  test('distinct rules pass; a deep-equal pair fails even with its keys in another order', () => {
    assert.deepEqual(validateSarif(log([rule('a'), rule('b'), rule('c')])), []);
    const reordered = { shortDescription: { text: 'rule a' }, id: 'a' };
    const errors = validateSarif(log([rule('a'), rule('b'), reordered]));
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0] ?? '', /\/runs\/0\/tool\/driver\/rules /);
  });

  test('items that differ only in a nested value are distinct', () => {
    assert.deepEqual(
      validateSarif(
        log([rule('a', { properties: { n: 1 } }), rule('a', { properties: { n: 2 } })]),
      ),
      [],
    );
  });

  test('50,000 distinct rules and 50,000 SBOM components validate', () => {
    const many = Array.from({ length: 50_000 }, (_, index) => rule(`R${index}`));
    assert.deepEqual(validateSarif(log(many)), []);
    const components = Array.from({ length: 50_000 }, (_, index) => ({
      type: 'library',
      name: `pkg${index}`,
      version: '1.0.0',
      'bom-ref': `pkg:npm/pkg${index}@1.0.0`,
    }));
    assert.deepEqual(
      validateBom({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components }),
      [],
    );
    const twice = [...components, { ...components[7] }];
    assert.equal(
      validateBom({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: twice })
        .length > 0,
      true,
    );
  });
});
