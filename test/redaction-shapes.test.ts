/**
 * Credentials found by their shape, wherever they stand: an SBOM's URL or property, a tool's name,
 * a location's URI. Scrubbing keeps URIs URIs and outputs valid; text that only talks about keys
 * (a PEM BEGIN line in a rule's help) scrubs nothing.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Log } from 'sarif';
import { importFiles } from '../src/import/import.ts';
import { silentLogger } from '../src/model/ports.ts';
import type { Report } from '../src/model/scan-result.ts';
import { validateCycloneDx, validateSarif } from './support/schemas.ts';

// Assembled at run time: no token-shaped literal in the repository.
const TOKEN = ['ghp', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('_');

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scanfold-shapes-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const sarif = (driver: string, results: unknown[], rules: unknown[] = []): string =>
  JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: driver, rules } }, results }],
  });
const at = (uri: string) => [
  { physicalLocation: { artifactLocation: { uri }, region: { startLine: 3 } } },
];

async function merge(files: Record<string, string>) {
  const names = Object.keys(files);
  for (const name of names) await writeFile(path.join(dir, name), files[name] ?? '');
  const outputDir = await mkdtemp(path.join(dir, 'out-'));
  const outcome = await importFiles({
    files: names.map((name) => path.join(dir, name)),
    outputDir,
    root: dir,
    failOn: 'none',
    logger: silentLogger,
  });
  const texts = new Map<string, string>();
  for (const file of await readdir(outputDir, { recursive: true }))
    if (/\.(json|sarif|md|html)$/.test(file))
      texts.set(file, await readFile(path.join(outputDir, file), 'utf8'));
  const report = JSON.parse(texts.get('report.json') ?? '{}') as Report;
  const log = JSON.parse(texts.get('scanfold.sarif') ?? '{}') as Log;
  return { outcome, texts, report, log };
}

function assertNoToken(texts: Map<string, string>): void {
  for (const [file, text] of texts)
    assert.ok(!text.toLowerCase().includes(TOKEN.toLowerCase()), `${file} holds the token`);
}

test('a token in a URI is scrubbed and the location stays: its marker is URI-safe', async () => {
  const { texts, log } = await merge({
    'uri.sarif': sarif('lint', [
      { ruleId: 'R1', message: { text: 'clone' }, locations: at(`src/${TOKEN}/a.js`) },
    ]),
  });
  assertNoToken(texts);
  assert.deepEqual(validateSarif(log), []);
  const uri = log.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  assert.equal(uri, 'src/secret-redacted/a.js');
});

test('a token in a tool’s name is scrubbed from its key too (report, category, summary)', async () => {
  const { texts, report } = await merge({
    'tool.sarif': sarif(`lint-${TOKEN}`, [
      { ruleId: 'R1', message: { text: 'plain message' }, locations: at('src/a.js') },
    ]),
  });
  assertNoToken(texts);
  assert.equal(report.summary.total, 1);
});

test('credentials only an SBOM holds are scrubbed from sbom.cdx.json, which stays valid', async () => {
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: { tools: [{ vendor: 'anchore', name: 'syft', version: '1.0' }] },
    components: [
      {
        type: 'library',
        name: 'left-pad',
        version: '1.3.0',
        purl: 'pkg:npm/left-pad@1.3.0',
        'bom-ref': 'lp',
        externalReferences: [
          { type: 'vcs', url: `https://x-access-token:${TOKEN}@github.com/o/r.git` },
        ],
        properties: [{ name: 'syft:location:0:path', value: `/app/${TOKEN}/package.json` }],
      },
    ],
  };
  const { texts } = await merge({ 'sbom.cdx.json': JSON.stringify(bom) });
  assertNoToken(texts);
  assert.equal(await validateCycloneDx(texts.get('sbom.cdx.json') ?? ''), undefined);
  assert.match(texts.get('sbom.cdx.json') ?? '', /https:\/\/x-access-token:secret-redacted@github/);
});

test('a PEM BEGIN line without its key (a rule’s help) scrubs nothing: ids, paths, hashes stay', async () => {
  const commit = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
  const identifier = 'MyVeryLongIdentifierName123Abc';
  const { texts, log, report } = await merge({
    'pem.sarif': sarif(
      'lint',
      [
        { ruleId: 'R1', message: { text: 'Key header found' }, locations: at('src/a.js') },
        {
          ruleId: 'R2',
          message: { text: `Upgrade ${identifier} to ${commit}` },
          locations: at(`src/${identifier}.js`),
        },
      ],
      [
        {
          id: 'R1',
          help: {
            text: `Never commit a key such as \`-----BEGIN RSA PRIVATE KEY-----\`. Fixed in commit ${commit}; see ${identifier}.`,
          },
        },
      ],
    ),
  });
  assert.deepEqual(validateSarif(log), []);
  assert.ok(!(texts.get('scanfold.sarif') ?? '').includes('secret redacted'));
  const upgrade = report.findings.find((finding) => finding.ruleId === 'R2');
  assert.equal(upgrade?.location?.path, `src/${identifier}.js`);
  assert.match(upgrade?.message ?? '', new RegExp(commit));
});

test('Slack-looking words are not tokens; a Slack token is', async () => {
  const slack = ['xoxb', '123456789012', '1234567890123', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('-');
  const { texts } = await merge({
    'slack.sarif': sarif('lint', [
      {
        ruleId: 'R1',
        message: { text: `xoxo-gossip-girl-fans-2024 and ${slack}` },
        locations: at('src/a.js'),
      },
    ]),
  });
  const sarifText = texts.get('scanfold.sarif') ?? '';
  assert.match(sarifText, /xoxo-gossip-girl-fans-2024/);
  assert.ok(!sarifText.includes(slack));
});

test('a token in a help link or a supplier’s email keeps the link and the SBOM valid', async () => {
  const { texts, log } = await merge({
    'links.sarif': JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'lint',
              informationUri: `https://example.com/?k=${TOKEN}`,
              rules: [{ id: 'R1', helpUri: `https://example.com/h?t=${TOKEN}` }],
            },
          },
          results: [{ ruleId: 'R1', message: { text: 'x' }, locations: at('src/a.js') }],
        },
      ],
    }),
    'email.cdx.json': JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.5',
      version: 1,
      metadata: { tools: [{ vendor: 'anchore', name: 'syft', version: '1.0' }] },
      components: [
        {
          type: 'library',
          name: 'left-pad',
          version: '1.3.0',
          purl: 'pkg:npm/left-pad@1.3.0',
          supplier: { name: 'x', contact: [{ email: `${TOKEN}@example.com` }] },
        },
      ],
    }),
  });
  assertNoToken(texts);
  assert.deepEqual(validateSarif(log), []);
  const driver = log.runs[0]?.tool.driver;
  assert.equal(driver?.informationUri, 'https://example.com/?k=secret-redacted');
  assert.equal(driver?.rules?.[0]?.helpUri, 'https://example.com/h?t=secret-redacted');
  assert.equal(await validateCycloneDx(texts.get('sbom.cdx.json') ?? ''), undefined);
});
