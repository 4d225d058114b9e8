/**
 * sbom.cdx.json keeps what the input SBOMs say about each component: hashes, CPE, properties
 * (every copy's Syft locations when copies of one package merge), licences, author, publisher,
 * external references, and the scanned subject (metadata.component). On two real Syft SBOMs
 * (test/fixtures/public/SOURCES.md), counted in and out with a plain JSON walk, independent of
 * scanfold's code.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importFiles } from '../src/import/import.ts';
import type { Report } from '../src/model/scan-result.ts';
import { silentLogger } from '../src/model/ports.ts';
import { buildSbom } from '../src/outputs/sbom.ts';
import { validateCycloneDx } from './support/schemas.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/public/cyclonedx/', import.meta.url));
const UBUNTU = 'syft-1.20-ubuntu-sangam-cut.cdx.json' as const;
const TP2 = 'syft-1.42-tp2-sbom-docker-cut.cdx.json' as const;

interface Hash {
  alg: string;
  content: string;
}
interface Property {
  name: string;
  value?: string;
}
interface Component {
  'bom-ref'?: string;
  type: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  cpe?: string;
  author?: string;
  publisher?: string;
  hashes?: Hash[];
  properties?: Property[];
  licenses?: { license?: { id?: string; name?: string }; expression?: string }[];
  externalReferences?: { url: string; type?: string; hashes?: Hash[] }[];
  components?: Component[];
}
interface Bom {
  metadata?: { component?: Component };
  components?: Component[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
}

const flat = (components: readonly Component[] = []): Component[] =>
  components.flatMap((c) => [c, ...flat(c.components)]);

/** What the merge treats as one package: its purl without qualifiers, else name@version#hashes. */
function keyOf(c: Component): string {
  if (c.purl) return c.purl.split('?')[0] ?? c.purl;
  const hashes = (c.hashes ?? [])
    .map((h) => `${h.alg}:${h.content.toLowerCase()}`)
    .sort()
    .join(',');
  return `${c.group ? `${c.group}/` : ''}${c.name}@${c.version ?? ''}#${hashes}`;
}

const LOCATION = /^syft:location:(\d+):(.+)$/;

/** Each component's facts, by package key: the units the counts below are made of. */
interface Facts {
  components: number;
  packages: Set<string>;
  hashes: Set<string>;
  cpes: Set<string>;
  properties: Set<string>;
  locations: Set<string>;
  licenses: Set<string>;
  people: Set<string>;
  references: Set<string>;
  edges: Set<string>;
}

function factsOf(bom: Bom): Facts {
  const all = flat(bom.components);
  const facts: Facts = {
    components: all.length,
    packages: new Set(),
    hashes: new Set(),
    cpes: new Set(),
    properties: new Set(),
    locations: new Set(),
    licenses: new Set(),
    people: new Set(),
    references: new Set(),
    edges: new Set(),
  };
  const keyByRef = new Map<string, string>();
  for (const c of [...(bom.metadata?.component ? [bom.metadata.component] : []), ...all]) {
    const key = keyOf(c);
    if (c['bom-ref']) keyByRef.set(c['bom-ref'], key);
    facts.packages.add(key);
    for (const h of c.hashes ?? []) facts.hashes.add(`${key} ${h.alg}:${h.content}`);
    // Syft's archive digests, given as a reference without a URL, are the component's own.
    for (const r of c.externalReferences ?? [])
      if (r.url) facts.references.add(`${key} ${r.type ?? 'other'} ${r.url}`);
      else for (const h of r.hashes ?? []) facts.hashes.add(`${key} ${h.alg}:${h.content}`);
    if (c.cpe) facts.cpes.add(`${key} ${c.cpe}`);
    const locations = new Map<string, string[]>();
    for (const p of c.properties ?? []) {
      const location = LOCATION.exec(p.name);
      if (!location) {
        // A second value of a single-valued field is kept as scanfold:<field>.
        if (p.name === 'scanfold:cpe') facts.cpes.add(`${key} ${p.value ?? ''}`);
        else facts.properties.add(`${key} ${p.name}=${p.value ?? ''}`);
        continue;
      }
      const fields = locations.get(location[1] ?? '') ?? [];
      fields.push(`${location[2] ?? ''}=${p.value ?? ''}`);
      locations.set(location[1] ?? '', fields);
    }
    for (const fields of locations.values())
      facts.locations.add(`${key} ${fields.sort().join(' ')}`);
    for (const l of c.licenses ?? [])
      facts.licenses.add(`${key} ${l.expression ?? l.license?.id ?? l.license?.name ?? ''}`);
    if (c.author) facts.people.add(`${key} author ${c.author}`);
    if (c.publisher) facts.people.add(`${key} publisher ${c.publisher}`);
  }
  for (const d of bom.dependencies ?? [])
    for (const to of d.dependsOn ?? []) {
      const from = keyByRef.get(d.ref);
      const target = keyByRef.get(to);
      if (from && target && from !== target) facts.edges.add(`${from} -> ${target}`);
    }
  return facts;
}

function assertKept(input: Facts, output: Facts): void {
  for (const part of [
    'packages',
    'hashes',
    'cpes',
    'properties',
    'locations',
    'licenses',
    'people',
    'references',
    'edges',
  ] as const) {
    const lost = [...input[part]].filter((fact) => !output[part].has(fact));
    assert.deepEqual(lost.slice(0, 5), [], `${part}: ${lost.length} of ${input[part].size} lost`);
  }
}

let workDir = '';
let runs = 0;
before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'scanfold-sbom-fields-'));
});
after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function merge(files: readonly string[]): Promise<{ bom: Bom; report: Report }> {
  const outcome = await importFiles({
    files: files.map((file) => path.join(FIXTURES, file)),
    outputDir: path.join(workDir, `run-${++runs}`),
    root: '/work/repo',
    failOn: 'none',
    logger: silentLogger,
  });
  const report = JSON.parse(await readFile(outcome.files.report, 'utf8')) as Report;
  assert.ok(outcome.files.sbom, 'sbom.cdx.json is written');
  const json = await readFile(outcome.files.sbom, 'utf8');
  assert.equal(await validateCycloneDx(json), undefined, 'sbom.cdx.json is valid CycloneDX 1.6');
  return { bom: JSON.parse(json) as Bom, report };
}

const readBom = async (file: string): Promise<Bom> =>
  JSON.parse(await readFile(path.join(FIXTURES, file), 'utf8')) as Bom;

/**
 * Counted independently of scanfold (a JSON count of the fixture), and pinned: components, distinct
 * packages, hashes, CPEs and Syft locations of distinct packages, dependency edges between them.
 */
const EXPECTED = {
  [UBUNTU]: {
    components: 243,
    packages: 243,
    hashes: 150,
    cpes: 92,
    withProperties: 93,
    locations: 404,
    edges: 230,
    subject: { type: 'container', name: 'ubuntu' },
  },
  [TP2]: {
    components: 156,
    // 25 components are copies of 11 npm packages (minipass@3.3.6 five times).
    packages: 142,
    hashes: 80,
    // 115 components have a CPE; copies of a package share theirs.
    cpes: 101,
    withProperties: 116,
    locations: 115,
    edges: 5,
    subject: { type: 'container', name: 'vulnerable-app' },
  },
} as const;

describe('sbom.cdx.json keeps what real Syft SBOMs say about their components', () => {
  for (const file of [UBUNTU, TP2] as const) {
    test(file, async () => {
      const expected = EXPECTED[file];
      const inputBom = await readBom(file);
      const input = factsOf(inputBom);
      assert.equal(input.components, expected.components);
      assert.equal(input.packages.size, expected.packages + 1, 'the packages and the subject');
      assert.equal(input.hashes.size, expected.hashes);
      assert.equal(input.cpes.size, expected.cpes);
      assert.equal(input.locations.size, expected.locations);
      assert.equal(input.edges.size, expected.edges);
      assert.equal(
        flat(inputBom.components).filter((c) => c.properties?.length).length,
        expected.withProperties,
      );

      const { bom, report } = await merge([file]);
      assert.deepEqual(report.errors, []);
      const output = factsOf(bom);
      assert.equal(output.components, expected.packages, 'one component per package');
      assert.equal(report.sbom?.components, expected.packages);
      assert.equal(output.hashes.size, expected.hashes);
      assert.equal(output.cpes.size, expected.cpes);
      assert.equal(output.locations.size, expected.locations);
      assert.equal(
        flat(bom.components).filter((c) => c.properties?.length).length,
        expected.withProperties - (expected.components - expected.packages),
      );
      assertKept(input, output);
      assert.deepEqual(
        {
          type: bom.metadata?.component?.type,
          name: bom.metadata?.component?.name,
          version: bom.metadata?.component?.version,
        },
        { ...expected.subject, version: inputBom.metadata?.component?.version },
      );
    });
  }

  test('copies of one package at different paths: one component, every location numbered', async () => {
    const input = flat((await readBom(TP2)).components).filter(
      (c) => c.purl === 'pkg:npm/minipass@3.3.6',
    );
    assert.equal(input.length, 5);
    const paths = input.flatMap((c) =>
      (c.properties ?? [])
        .filter((p) => /^syft:location:\d+:path$/.test(p.name))
        .map((p) => p.value),
    );
    assert.equal(new Set(paths).size, 5);
    const { bom } = await merge([TP2]);
    const merged = flat(bom.components).filter((c) => c.purl?.startsWith('pkg:npm/minipass@3.3.6'));
    assert.equal(merged.length, 1);
    const properties = merged[0]?.properties ?? [];
    const byIndex = (field: string): (string | undefined)[] =>
      [0, 1, 2, 3, 4].map(
        (n) => properties.find((p) => p.name === `syft:location:${n}:${field}`)?.value,
      );
    assert.deepEqual(new Set(byIndex('path')), new Set(paths));
    assert.ok(byIndex('layerID').every((id) => id?.startsWith('sha256:')));
    assert.equal(
      properties.filter((p) => LOCATION.test(p.name)).length,
      10,
      'path and layerID, 5 times',
    );
  });

  test('both together: one subject stays metadata.component, the other is a component', async () => {
    const { bom, report } = await merge([UBUNTU, TP2]);
    assert.deepEqual(report.errors, []);
    assert.equal(bom.metadata?.component?.name, 'ubuntu');
    const components = flat(bom.components);
    assert.ok(components.some((c) => c.type === 'container' && c.name === 'vulnerable-app'));
    // The two images share no package (deb vs apk/npm); their files differ by path or content.
    const both = factsOf(bom);
    const apart = [factsOf(await readBom(UBUNTU)), factsOf(await readBom(TP2))];
    assert.equal(components.length, EXPECTED[UBUNTU].packages + EXPECTED[TP2].packages + 1);
    for (const input of apart) assertKept(input, both);
  });

  test('a wrong-typed field is left out alone, and named', async () => {
    const bom = (await readBom(TP2)) as unknown as Record<string, unknown> & {
      components: Record<string, unknown>[];
    };
    const index = bom.components.findIndex((c) => Array.isArray(c.hashes));
    const hashes = bom.components[index]?.hashes as Hash[];
    bom.components[index] = {
      ...bom.components[index],
      hashes: [{ ...hashes[0], alg: 'SHA-999' }, hashes[1]],
    };
    const withCpe = bom.components.findIndex((c) => typeof c.cpe === 'string');
    bom.components[withCpe] = { ...bom.components[withCpe], cpe: 42 };
    const sbom = buildSbom([{ tool: 'syft', file: 'tp2.cdx.json', bom }], []);
    assert.deepEqual(sbom.rejected, []);
    assert.equal(sbom.dropped.length, 1);
    assert.match(
      sbom.dropped[0]?.message ?? '',
      new RegExp(
        `^tp2\\.cdx\\.json: 2 field\\(s\\) .*first: components\\.${Math.min(index, withCpe)}\\.`,
      ),
    );
    assert.equal(await validateCycloneDx(sbom.json), undefined);
    const output = factsOf(JSON.parse(sbom.json) as Bom);
    // The other hash of that file and every other component's fields are kept.
    assert.equal(output.hashes.size, EXPECTED[TP2].hashes - 1);
    assert.equal(output.cpes.size, EXPECTED[TP2].cpes - 1);
    assert.equal(output.locations.size, EXPECTED[TP2].locations);
  });

  test('a field the merge does not carry is a warning and a note on its tool, never a failed run', async () => {
    const bom = (await readBom(TP2)) as unknown as Record<string, unknown> & {
      components: Record<string, unknown>[];
    };
    bom.components[0] = { ...bom.components[0], pedigree: { notes: 'patched locally' } };
    const file = path.join(workDir, 'pedigree.cdx.json');
    await writeFile(file, JSON.stringify(bom));
    const warnings: string[] = [];
    const outcome = await importFiles({
      files: [file],
      outputDir: path.join(workDir, `run-${++runs}`),
      root: '/work/repo',
      failOn: 'none',
      logger: { ...silentLogger, warning: (message: string) => warnings.push(message) },
    });
    assert.equal(outcome.exitCode, 0);
    const report = JSON.parse(await readFile(outcome.files.report, 'utf8')) as Report;
    assert.deepEqual(report.errors, []);
    assert.match(warnings.join('\n'), /SBOM input partly left out: .*pedigree/);
    const notes = report.scanners.flatMap((scanner) => scanner.notes ?? []);
    assert.ok(
      notes.some((note) => /partly left out: .*pedigree/.test(note)),
      notes.join('\n'),
    );
  });
});
