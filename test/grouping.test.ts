import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { normalize } from '../src/normalize/index.ts';

const result = (uri: string, id = 'CVE-2021-23337') => ({
  ruleId: id,
  message: {
    text: `Package: lodash\nInstalled Version: 4.17.15\nVulnerability ${id}\nSeverity: HIGH\nFixed Version: 4.17.21`,
  },
  locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }],
});

test('one advisory on one package across lockfiles is one finding with every location', () => {
  const log: Log = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Trivy' } },
        results: [
          result('package-lock.json'),
          result('packages/api/package-lock.json'),
          result('packages/web/package-lock.json'),
          result('yarn.lock'),
          result('package-lock.json', 'CVE-2020-8203'),
        ],
      },
    ],
  };
  const { findings, inputResults, duplicatesMerged } = normalize(
    [{ file: 'raw/trivy.sarif', log, tool: 'trivy' }],
    '/repo',
  );
  assert.equal(inputResults, 5);
  assert.equal(findings.length, 2);
  assert.equal(duplicatesMerged, 3);
  const grouped = findings.find((f) => f.cve === 'CVE-2021-23337');
  assert.deepEqual(grouped?.locations?.map((l) => l.path).sort(), [
    'package-lock.json',
    'packages/api/package-lock.json',
    'packages/web/package-lock.json',
    'yarn.lock',
  ]);
  assert.equal(grouped?.sources.length, 4, 'every result stays reachable');
  const single = findings.find((f) => f.cve === 'CVE-2020-8203');
  assert.equal(single?.locations, undefined);
});
