/**
 * JSON files as PowerShell and .NET write them (a UTF-8 BOM, UTF-16 with a BOM) are read; invalid
 * JSON is reported with a line and column, never with the input's bytes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJsonBytes, findJsonSyntaxError } from '../src/scanners/json-text.ts';
import { parseJsonText } from '../src/scanners/read-output.ts';

const DOC = '{"version": "2.1.0", "runs": [], "é": "✓"}';

test('UTF-8 with and without a BOM, UTF-16 LE and BE with one, decode to the same text', () => {
  const utf8 = Buffer.from(DOC, 'utf8');
  const le = Buffer.from(DOC, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.equal(decodeJsonBytes(utf8), DOC);
  assert.equal(decodeJsonBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])), DOC);
  assert.equal(decodeJsonBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le])), DOC);
  assert.equal(decodeJsonBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), DOC);
  assert.equal(decodeJsonBytes(new Uint8Array()), '');
});

test('encodings that cannot be read are named, not guessed', () => {
  const le = Buffer.from(DOC, 'utf16le');
  assert.throws(() => decodeJsonBytes(le), /UTF-16 LE without a byte-order mark/);
  assert.throws(() => decodeJsonBytes(Buffer.from(le).swap16()), /UTF-16 BE without a byte-order/);
  assert.throws(
    () => decodeJsonBytes(Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])),
    /UTF-32 text is not supported/,
  );
  assert.throws(
    () => decodeJsonBytes(Buffer.from([0xff, 0xfe, 0x7b, 0, 0x7d])),
    /UTF-16 text with an odd number of bytes/,
  );
});

test('the first invalid character is found with its line and column', () => {
  const cases: [string, number, number, RegExp][] = [
    ['{"version": "2.1.0", "runs": [ x ]}', 1, 32, /unexpected character/],
    ['{"runs": [{"region": {\n  "startLine": NaN}}]}', 2, 16, /unexpected character/],
    ['{"a": 1,}', 1, 9, /unexpected character/],
    ['[1, 2', 1, 6, /unexpected end of input/],
    ['{"a": "x\ty"}', 1, 9, /control character in a string/],
    ['{"a": "\\q"}', 1, 9, /invalid escape/],
    ['{"a": 01}', 1, 8, /unexpected character/],
    ['{} {}', 1, 4, /unexpected content after the JSON value/],
    ['\r\n\r\n  tru', 3, 6, /unexpected end of input/],
  ];
  for (const [text, line, column, what] of cases) {
    assert.throws(() => JSON.parse(text));
    const found = findJsonSyntaxError(text);
    assert.equal(found?.line, line, text);
    assert.equal(found?.column, column, text);
    assert.match(found?.what ?? '', what, text);
  }
  for (const valid of ['1', '[]', '{"a": [{"b": -0.5e+3, "c": "\\u00e9\\n"}], "d": null}'])
    assert.equal(findJsonSyntaxError(valid), undefined, valid);
  // Deeper than any stack: a loop, not recursion.
  assert.equal(findJsonSyntaxError(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), undefined);
});

test('parseJsonText says where, and never quotes the input', () => {
  const secret = 'AKIAZ7QW2RT5YU3IO4PL';
  for (const text of [
    `{"a": ${secret}}`,
    `{"a": "x", ${secret}}`,
    `{"a": 1}\n${secret}`,
    `{"a": "${secret}`,
  ]) {
    assert.throws(
      () => parseJsonText('in.sarif', text),
      (error: Error) => {
        assert.match(error.message, /^in\.sarif: invalid JSON at line \d+, column \d+ \([\w ]+\)$/);
        assert.ok(!error.message.includes('AKIA'), error.message);
        return true;
      },
    );
  }
});
