import assert from 'node:assert/strict';
import { test } from 'node:test';
import { humanTitle, shorten } from '../src/normalize/title.ts';

test('titles say what is wrong, not which rule said it', () => {
  assert.equal(
    humanTitle(
      {
        id: 'scanfold.javascript.code-injection',
        shortDescription: { text: 'Semgrep Finding: scanfold.javascript.code-injection' },
        fullDescription: {
          text: 'Untrusted request data is evaluated as JavaScript (eval, new Function, vm.run*, or a string passed to setTimeout). An attacker runs code.',
        },
      },
      'msg',
      'scanfold.javascript.code-injection',
    ),
    'Untrusted request data is evaluated as JavaScript',
  );
  assert.equal(
    shorten(
      'Identified a pattern that may indicate AWS credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.',
    ),
    'Identified a pattern that may indicate AWS credentials',
  );
  assert.equal(
    humanTitle(
      { id: 'DS002', shortDescription: { text: "Image user should not be 'root'" } },
      'x',
      'DS002',
    ),
    "Image user should not be 'root'",
  );
  // Nothing better than the id: the message; nothing at all: the id.
  assert.equal(
    humanTitle({ id: 'R1', shortDescription: { text: 'R1' } }, 'Found a bad thing.', 'R1'),
    'Found a bad thing',
  );
  assert.equal(humanTitle(undefined, '', 'R2'), 'R2');
});
