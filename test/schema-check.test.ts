/**
 * The import's checks (schemaCheck of SarifLogSchema and CycloneDxSchema) give zod's answer on
 * every value: real files, hostile mutations of them, and the edge cases where a hand check could
 * drift from zod (Infinity, unsafe integers, code points, null, prototype keys). What they accept
 * is used as it is, so it must equal zod's copy.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { z } from 'zod';
import { checkSarifLog, CycloneDxSchema, SarifLogSchema } from '../src/scanners/read-output.ts';
import { schemaCheck } from '../src/scanners/schema-check.ts';
import { jsonPaths, type Json } from './support/json-paths.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function fixtures(pattern: RegExp, dir = FIXTURES): { name: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return fixtures(pattern, full);
    return pattern.test(entry.name)
      ? [{ name: path.relative(FIXTURES, full), text: readFileSync(full, 'utf8') }]
      : [];
  });
}

const SEEDS = fixtures(/\.sarif(\.json)?$/);
const BOUNDARIES = [
  { name: 'SarifLogSchema', schema: SarifLogSchema, seeds: SEEDS },
  { name: 'CycloneDxSchema', schema: CycloneDxSchema, seeds: fixtures(/\.cdx\.json$/) },
];

/** `text` with the value at `at` replaced (or deleted), as JSON text. */
function replaced(text: string, at: (string | number)[], value: string | undefined): string {
  if (at.length === 0) return value ?? 'null';
  const root = JSON.parse(text) as Json;
  let node = root;
  for (const key of at.slice(0, -1)) node = (node as Record<string, Json>)[key] ?? null;
  const last = at.at(-1) ?? '';
  const holder = node as Record<string, Json>;
  const marker = '\u0000replaced\u0000';
  if (value === undefined) {
    if (Array.isArray(holder)) holder.splice(Number(last), 1);
    else delete holder[last];
    return JSON.stringify(root);
  }
  holder[last] = marker;
  return JSON.stringify(root).replace(JSON.stringify(marker), () => value);
}

/** JSON texts where a check written by hand could part from zod. */
const EDGE_VALUES = [
  'null',
  'true',
  '0',
  '-1',
  '1.5',
  '1e400',
  '-1e400',
  '9007199254740992',
  '-9007199254740992',
  '9007199254740991',
  '""',
  '"\\ud83d\\ude00"',
  '"\\ud83d"',
  '"error"',
  '"Error"',
  '"2.1.0"',
  '[]',
  '[null]',
  '["x", 1]',
  '{}',
  '{"__proto__": 1}',
  '{"__proto__": {"text": 1}, "text": "x"}',
  '{"constructor": 1}',
  '{"constructor": {"prototype": null}}',
  '{"toString": 1, "text": "t"}',
  '{"a": "b"}',
  '{"a": 1}',
];

for (const { name, schema, seeds } of BOUNDARIES)
  describe(`schemaCheck(${name}) answers as ${name}.safeParse`, () => {
    const isValid = schemaCheck(schema);
    /** The check's verdict and zod's, each on its own parse (the check edits what it reads). */
    const verdicts = (text: string): { check: boolean; zod: boolean } => ({
      check: isValid(JSON.parse(text)),
      zod: schema.safeParse(JSON.parse(text)).success,
    });

    test('every fixture', () => {
      assert.ok(seeds.length >= 5);
      for (const seed of seeds) {
        const { check, zod } = verdicts(seed.text);
        assert.equal(check, zod, seed.name);
      }
    });

    test('every value of every fixture replaced by each edge value, or deleted', () => {
      let rejected = 0;
      let cases = 0;
      for (const seed of seeds.filter((one) => one.text.length < 50_000)) {
        const paths = jsonPaths(JSON.parse(seed.text) as Json);
        // At most 100 paths per file, spread over the whole of it.
        const step = Math.max(1, Math.floor(paths.length / 100));
        for (const at of paths.filter((_, index) => index % step === 0)) {
          for (const value of [undefined, ...EDGE_VALUES]) {
            const text = replaced(seed.text, at, value);
            const { check, zod } = verdicts(text);
            assert.equal(check, zod, `${seed.name} at ${at.join('.')} = ${value ?? '(deleted)'}`);
            cases++;
            if (!zod) rejected++;
          }
        }
      }
      // Both answers occur often, so agreement is not agreement on "yes" alone.
      assert.ok(rejected > 500 && cases - rejected > 500, `${rejected} of ${cases} rejected`);
    });

    test('random JSON put anywhere in a real file', () => {
      fc.assert(
        fc.property(
          fc.nat(),
          fc.nat(),
          fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
          (seedIndex, pick, value) => {
            const seed = seeds[seedIndex % seeds.length];
            if (!seed) return;
            const paths = jsonPaths(JSON.parse(seed.text) as Json);
            const at = paths[pick % paths.length] ?? [];
            const text = replaced(
              seed.text,
              at,
              value === undefined ? undefined : JSON.stringify(value),
            );
            const { check, zod } = verdicts(text);
            assert.equal(check, zod, `${seed.name} at ${at.join('.')}`);
          },
        ),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
      );
    });
  });

describe('checkSarifLog', () => {
  test('an accepted log is the parsed JSON itself, equal to zod’s copy', () => {
    for (const seed of SEEDS) {
      const data: unknown = JSON.parse(seed.text);
      const checked = checkSarifLog(data);
      const copy = SarifLogSchema.safeParse(JSON.parse(seed.text));
      assert.equal(checked.success, copy.success, seed.name);
      if (!checked.success || !copy.success) continue;
      assert.equal(checked.data, data, 'not copied');
      assert.deepEqual(checked.data, copy.data, seed.name);
    }
  });

  test('an own __proto__ key is dropped where zod’s copy drops it, and kept below', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'x', rules: [{ id: 'r', properties: { tags: ['a'] } }] } },
          results: [
            {
              message: { text: 'm' },
              partialFingerprints: { a: 'b' },
              properties: { nested: { keep: 1 } },
            },
          ],
        },
      ],
    })
      .replace('"version"', '"__proto__":{"polluted":1},"version"')
      .replace('"text":"m"', '"__proto__":{"polluted":1},"text":"m"')
      .replace('"a":"b"', '"__proto__":"x","a":"b"')
      .replace('"keep":1', '"__proto__":{"polluted":1},"keep":1');
    const checked = checkSarifLog(JSON.parse(text));
    const copy = SarifLogSchema.parse(JSON.parse(text));
    assert.ok(checked.success);
    assert.deepEqual(checked.data, copy);
    assert.equal(Object.hasOwn(checked.data, '__proto__'), false);
    const result = checked.data.runs[0]?.results?.[0];
    assert.equal(Object.hasOwn(result?.message ?? {}, '__proto__'), false);
    assert.equal(Object.hasOwn(result?.partialFingerprints ?? {}, '__proto__'), false);
    // Below the schema zod copies nothing, so there the key stays (as plain data).
    assert.equal(Object.hasOwn(result?.properties?.nested as object, '__proto__'), true);
    assert.equal(({} as { polluted?: number }).polluted, undefined);
  });

  test('a rejected log gets zod’s first issue', () => {
    const data = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 1 } }] }],
    };
    const checked = checkSarifLog(data);
    assert.equal(checked.success, false);
    if (checked.success) return;
    assert.deepEqual(checked.error.issues[0]?.path, ['runs', 0, 'results', 0, 'message', 'text']);
    assert.equal(
      checked.error.issues[0]?.message,
      'Invalid input: expected string, received number',
    );
  });
});

describe('schemaCheck refuses what it cannot answer exactly', () => {
  for (const [name, schema] of [
    ['a union', z.union([z.string(), z.number()])],
    ['a string format', z.string().email()],
    ['a maximum length', z.string().max(3)],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a stripping object (its copy differs from its input)', z.object({ a: z.string() })],
    ['an array size check', z.array(z.string()).min(1)],
    ['a refinement', z.string().refine((text) => text.length > 2)],
    ['a check under an optional field', z.looseObject({ a: z.string().max(2).optional() })],
    ['a transform', z.string().transform((text) => text.length)],
    ['a default', z.string().default('x')],
    ['a coercion', z.coerce.string()],
    ['an integer format of its own', z.int32()],
    ['a number format on the schema', z.int()],
    ['a record of enum keys', z.record(z.enum(['a', 'b']), z.string())],
    ['a catchall', z.object({ a: z.string() }).catchall(z.string())],
  ] as const)
    test(name, () => assert.throws(() => schemaCheck(schema), /schemaCheck: /));
});
