/**
 * JSON files as text, and where their JSON goes wrong: the one reading of every scanner output
 * and `scanfold merge` input. Errors say where and what, never the bytes themselves (an input may
 * hold a secret, an escape sequence or a workflow command).
 */

/** Why some bytes cannot be read as JSON text (the message names the encoding, not the bytes). */
export class EncodingError extends Error {
  override name = 'EncodingError';
}

const UTF8 = new TextDecoder('utf-8');

/** UTF-16 BE bytes as UTF-16 LE, which Buffer decodes (TextDecoder's BE needs full ICU). */
function swapped(bytes: Uint8Array): Buffer {
  const copy = Buffer.from(bytes);
  copy.swap16();
  return copy;
}

/**
 * The text of a JSON file: UTF-8 (a byte-order mark skipped, as PowerShell and .NET write one), or
 * UTF-16 LE/BE with its byte-order mark (PowerShell 5's `>` and `Out-File`). UTF-32 and UTF-16
 * without a byte-order mark are refused naming the encoding: guessed, they read as garbage.
 */
export function decodeJsonBytes(bytes: Uint8Array): string {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return UTF8.decode(bytes.subarray(3));
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe))
    throw new EncodingError('UTF-32 text is not supported; save the file as UTF-8');
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0)
      throw new EncodingError('UTF-16 text with an odd number of bytes (truncated)');
    const little = b0 === 0xff;
    return (
      little ? Buffer.from(body.buffer, body.byteOffset, body.length) : swapped(body)
    ).toString('utf16le');
  }
  // JSON starts with an ASCII character; a NUL beside it is UTF-16 (or 32) without a mark.
  if (bytes.length >= 2 && b0 !== undefined && b0 !== 0 && b1 === 0)
    throw new EncodingError(
      'looks like UTF-16 LE without a byte-order mark; save the file as UTF-8',
    );
  if (bytes.length >= 2 && b0 === 0 && b1 !== undefined && b1 !== 0)
    throw new EncodingError(
      'looks like UTF-16 BE without a byte-order mark; save the file as UTF-8',
    );
  return UTF8.decode(bytes);
}

export interface JsonSyntaxError {
  /** 1-based line and column (in UTF-16 code units) of the first character JSON does not allow. */
  line: number;
  column: number;
  /** What is wrong there, in words that never quote the input. */
  what: string;
}

const OBJECT = 1;
const ARRAY = 2;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHex(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * Where JSON text first breaks RFC 8259, as JSON.parse reads it, or undefined when it does not.
 * Used only after JSON.parse failed (V8's message often names no position): one pass, no
 * recursion (a hostile nesting cannot exhaust the stack), nothing built.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const found = scan(text);
  if (!found) return undefined;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < found.offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: found.offset - lineStart + 1, what: found.what };
}

type Found = { offset: number; what: string };

function scan(text: string): Found | undefined {
  const n = text.length;
  const stack: number[] = [];
  let i = 0;
  let state: 'value' | 'key' | 'after' = 'value';
  const skipWhitespace = (): void => {
    while (i < n && isWhitespace(text.charCodeAt(i))) i++;
  };
  const end = (): Found => ({ offset: n, what: 'unexpected end of input' });
  const unexpected = (): Found => ({ offset: i, what: 'unexpected character' });
  /** A string from its opening quote; i ends after the closing one. */
  const string = (): Found | undefined => {
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return undefined;
      }
      if (code < 0x20) return { offset: i, what: 'control character in a string' };
      if (code === 0x5c) {
        const next = text.charCodeAt(i + 1);
        if (next === 0x75) {
          for (let k = 2; k < 6; k++)
            if (!isHex(text.charCodeAt(i + k)))
              return i + k >= n ? end() : { offset: i + k, what: 'invalid \\u escape' };
          i += 6;
        } else if ('"\\/bfnrt'.includes(text[i + 1] ?? '') && i + 1 < n) i += 2;
        else return i + 1 >= n ? end() : { offset: i + 1, what: 'invalid escape' };
      } else i++;
    }
    return end();
  };
  /** A number from its first character; i ends after it. */
  const number = (): Found | undefined => {
    const digits = (): boolean => {
      if (!isDigit(text.charCodeAt(i))) return false;
      while (isDigit(text.charCodeAt(i))) i++;
      return true;
    };
    const bad = (): Found => (i >= n ? end() : { offset: i, what: 'invalid number' });
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (!digits()) return bad();
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!digits()) return bad();
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!digits()) return bad();
    }
    return undefined;
  };
  for (;;) {
    skipWhitespace();
    if (state === 'value') {
      if (i >= n) return end();
      const code = text.charCodeAt(i);
      if (code === 0x7b || code === 0x5b) {
        i++;
        skipWhitespace();
        const close = code === 0x7b ? 0x7d : 0x5d;
        if (text.charCodeAt(i) === close) {
          i++;
          state = 'after';
        } else {
          stack.push(code === 0x7b ? OBJECT : ARRAY);
          state = code === 0x7b ? 'key' : 'value';
        }
        continue;
      }
      let failed: Found | undefined;
      if (code === 0x22) failed = string();
      else if (code === 0x2d || isDigit(code)) failed = number();
      else {
        const literal = ['true', 'false', 'null'].find((word) => word[0] === text[i]);
        if (!literal) return unexpected();
        for (let k = 1; k < literal.length; k++) {
          if (i + k >= n) return end();
          if (text[i + k] !== literal[k]) return { offset: i + k, what: 'unexpected character' };
        }
        i += literal.length;
      }
      if (failed) return failed;
      state = 'after';
    } else if (state === 'key') {
      if (i >= n) return end();
      if (text.charCodeAt(i) !== 0x22) return unexpected();
      const failed = string();
      if (failed) return failed;
      skipWhitespace();
      if (i >= n) return end();
      if (text.charCodeAt(i) !== 0x3a) return unexpected();
      i++;
      state = 'value';
    } else {
      const top = stack.at(-1);
      if (top === undefined)
        return i < n ? { offset: i, what: 'unexpected content after the JSON value' } : undefined;
      if (i >= n) return end();
      const code = text.charCodeAt(i);
      if (code === 0x2c) {
        i++;
        state = top === OBJECT ? 'key' : 'value';
      } else if (code === (top === OBJECT ? 0x7d : 0x5d)) {
        i++;
        stack.pop();
      } else return unexpected();
    }
  }
}
