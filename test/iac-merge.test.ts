import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Log, Result } from 'sarif';
import type { Finding } from '../src/model/finding.ts';
import { normalize } from '../src/normalize/index.ts';

const ROOT = '/work/terragoat';

type Hit = { rule: string; start?: number; end?: number };

function log(driver: string, file: string, hits: readonly Hit[]): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: driver } },
        results: hits.map((hit): Result => ({
          ruleId: hit.rule,
          message: { text: `${hit.rule} failed` },
          properties: { tags: ['misconfiguration'] },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: file },
                ...(hit.start === undefined
                  ? {}
                  : { region: { startLine: hit.start, endLine: hit.end ?? hit.start } }),
              },
            },
          ],
        })),
      },
    ],
  };
}

function merge(trivy: readonly Hit[], checkov: readonly Hit[], file = 'terraform/aws/s3.tf') {
  return normalize(
    [
      { file: 'trivy.sarif', log: log('Trivy', file, trivy) },
      { file: 'checkov.sarif', log: log('Checkov', file, checkov) },
    ],
    ROOT,
  );
}

const summary = (findings: readonly Finding[]): string[] =>
  findings
    .map((f) => `${f.location.startLine ?? '-'}:${f.tools.join('+')}:${f.sources.length}`)
    .sort();

test('IaC merges per resource: Trivy on lines 1, 42, 65, 89 and Checkov on 42, 65, 89 of one s3.tf', () => {
  // Bucket access logging (Trivy AVD-AWS-0089 = Checkov CKV_AWS_18) missing on four buckets; Checkov
  // skips the first one. Both tools give the resource block's range.
  const blocks: [number, number][] = [
    [1, 12],
    [42, 58],
    [65, 80],
    [89, 99],
  ];
  const normalized = merge(
    blocks.map(([start, end]) => ({ rule: 'AVD-AWS-0089', start, end })),
    blocks.slice(1).map(([start, end]) => ({ rule: 'CKV_AWS_18', start, end })),
  );
  assert.equal(normalized.inputResults, 7);
  assert.deepEqual(summary(normalized.findings), [
    '1:trivy:1',
    '42:checkov+trivy:2',
    '65:checkov+trivy:2',
    '89:checkov+trivy:2',
  ]);
  assert.equal(normalized.duplicatesMerged, 3);
});

test('a check on one line inside a resource block merges with the block-level twin', () => {
  // Trivy points at the offending attribute, Checkov at the whole resource.
  const normalized = merge(
    [
      { rule: 'AVD-AWS-0092', start: 44 },
      { rule: 'AVD-AWS-0092', start: 70 },
    ],
    [
      { rule: 'CKV_AWS_20', start: 42, end: 58 },
      { rule: 'CKV_AWS_20', start: 65, end: 80 },
    ],
  );
  assert.deepEqual(summary(normalized.findings), ['42:checkov+trivy:2', '65:checkov+trivy:2']);
});

test('two resources, or two results of one tool, are never folded together', () => {
  // Three Trivy results inside one Checkov block: one pairs (the tightest), two stay.
  const inside = merge(
    [
      { rule: 'AVD-AWS-0124', start: 36, end: 41 },
      { rule: 'AVD-AWS-0124', start: 43, end: 48 },
      { rule: 'AVD-AWS-0124', start: 50, end: 55 },
    ],
    [{ rule: 'CKV_AWS_23', start: 32, end: 56 }],
  );
  assert.equal(inside.findings.length, 3);
  for (const finding of inside.findings)
    assert.ok(finding.sources.filter((s) => s.tool === 'trivy').length <= 1);
  // A whole-file Trivy result overlaps both Checkov resources but joins only one of them.
  const wholeFile = merge(
    [{ rule: 'AVD-AWS-0089' }],
    [
      { rule: 'CKV_AWS_18', start: 42, end: 58 },
      { rule: 'CKV_AWS_18', start: 65, end: 80 },
    ],
  );
  assert.equal(wholeFile.findings.length, 2);
  for (const finding of wholeFile.findings)
    assert.ok(finding.sources.filter((s) => s.tool === 'checkov').length <= 1);
  // Different files, or ranges that do not overlap, never merge.
  assert.equal(
    merge(
      [{ rule: 'AVD-AWS-0089', start: 1, end: 12 }],
      [{ rule: 'CKV_AWS_18', start: 42, end: 58 }],
    ).findings.length,
    2,
  );
});
