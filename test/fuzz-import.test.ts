/**
 * fast-check over the importers with mutated real logs: whatever a file holds, `scanfold merge`
 * either imports it or rejects it with a precise error naming the file, never an untyped crash and
 * never a hang; what it imports normalizes into SARIF that validates against SARIF 2.1.0.
 *
 * Bounded here (FUZZ_RUNS, 150 by default); `npm run fuzz` runs many more.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { importDocument } from '../src/import/import.ts';
import { normalize } from '../src/normalize/index.ts';
import { buildSarif } from '../src/outputs/sarif.ts';
import { buildSbom } from '../src/outputs/sbom.ts';
import { repairSarif, validateSarif } from '../src/outputs/validate.ts';
import { OutputError } from '../src/scanners/read-output.ts';
import { jsonPaths, type Json } from './support/json-paths.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const SEEDS = [
  'recorded/gitleaks/gitleaks.sarif',
  'recorded/gitleaks/gitleaks.json',
  'recorded/semgrep/semgrep.sarif',
  'recorded/semgrep/semgrep.json',
  'recorded/checkov/results_sarif.sarif',
  'recorded/checkov/results_json.json',
  'recorded/grype/grype.sarif.json',
  'recorded/grype/grype.json',
  'public/trivy/alpine-310.json',
  'public/trivy/alpine-310.sarif',
  'public/codeql/valid-sarif.sarif',
  'public/semgrep/dataflow-traces.sarif',
  'public/cyclonedx/syft-hello-world-jar.cdx.json',
].map((name) => ({ name, text: readFileSync(path.join(FIXTURES, name), 'utf8') }));

function setAt(root: Json, at: (string | number)[], value: Json | undefined): Json {
  if (at.length === 0) return value ?? null;
  const copy = structuredClone(root);
  let node: Json = copy;
  for (const key of at.slice(0, -1)) node = (node as Record<string, Json>)[key] ?? null;
  const last = at.at(-1) ?? '';
  if (node && typeof node === 'object') {
    if (value === undefined) {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete (node as Record<string, Json>)[last];
    } else (node as Record<string, Json>)[last] = value;
  }
  return copy;
}

/** Hostile replacement values: wrong types, prototype keys, huge and odd strings, deep nesting. */
const hostile: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    null,
    '',
    '__proto__',
    'constructor',
    '\u202e\u0000::error::x\u001b[31m',
    -1,
    1e308,
    [],
    {},
    { __proto__: 'x' } as unknown as Json,
    'x'.repeat(100_000),
  ),
  fc
    .integer({ min: 50, max: 400 })
    .map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as Json),
);

const mutation = fc.oneof(
  // Structural: replace or delete one value somewhere in a real log.
  fc.record({
    seed: fc.nat(),
    pick: fc.nat(),
    value: fc.option(hostile, { nil: undefined }),
    kind: fc.constant('structural' as const),
  }),
  // Textual: truncate, or splice bytes into, the real text.
  fc.record({
    seed: fc.nat(),
    pick: fc.nat(),
    value: fc.string({ maxLength: 8 }),
    kind: fc.constant('textual' as const),
  }),
);

interface Mutation {
  seed: number;
  pick: number;
  value: Json | string | undefined;
  kind: 'structural' | 'textual';
}

function mutate(input: Mutation): { label: string; text: string } {
  const seed = SEEDS[input.seed % SEEDS.length] ?? SEEDS[0];
  if (!seed) throw new Error('no seeds');
  if (input.kind === 'textual') {
    const at = input.pick % (seed.text.length + 1);
    const text =
      input.pick % 2 === 0
        ? seed.text.slice(0, at)
        : seed.text.slice(0, at) +
          (typeof input.value === 'string' ? input.value : JSON.stringify(input.value)) +
          seed.text.slice(at);
    return { label: `${seed.name}~text`, text };
  }
  const parsed = JSON.parse(seed.text) as Json;
  const all = jsonPaths(parsed);
  const at = all[input.pick % all.length] ?? [];
  return {
    label: `${seed.name}~${at.join('.')}`,
    text: JSON.stringify(setAt(parsed, at, input.value)),
  };
}

test(
  `importers under ${RUNS} mutated real logs: imported or rejected by name, never a crash`,
  { timeout: 600_000 },
  () => {
    fc.assert(
      fc.property(mutation, (input) => {
        const { label, text } = mutate(input);
        let imported: ReturnType<typeof importDocument>;
        try {
          imported = importDocument(label, text);
        } catch (error) {
          assert.ok(error instanceof OutputError, `untyped error for ${label}: ${String(error)}`);
          assert.ok(error.message.startsWith(`${label}: `), error.message);
          assert.ok(!error.message.includes('\n'), 'one line');
          return;
        }
        if (imported.kind === 'sbom') {
          const sbom = buildSbom([imported.input], []);
          for (const { message } of sbom.rejected) assert.ok(message.startsWith(`${label}: `));
          return;
        }
        const root = '/work/repo';
        const normalized = normalize([imported.input], root);
        const sarif = buildSarif({ inputs: [imported.input], findings: normalized.findings, root });
        // As assemble() does before writing: repair field by field; then it must be valid.
        assert.ok(repairSarif(sarif).valid, label);
        assert.deepEqual(validateSarif(sarif), [], label);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  },
);
