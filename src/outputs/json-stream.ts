import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 4 * 1024 * 1024;

/** Collects text and hands it to the file in large chunks. */
class ChunkWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly fd: number;
  /** SHA-256 of everything written, so the manifest need not read the file back. */
  readonly hash: Hash = createHash('sha256');
  constructor(fd: number) {
    this.fd = fd;
  }
  push(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
  }
  get full(): boolean {
    return this.pendingLength >= FLUSH_AT;
  }
  flush(): void {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(chunk);
    writeSync(this.fd, chunk);
  }
}

/**
 * Write `value` as JSON without ever holding the whole document in one string: V8 strings stop at
 * ~512 MiB, which a merged SARIF passes near 400k results. Containers down to `depth` levels are
 * indented (2 spaces); each value below that is written compactly on its own line (one SARIF
 * result or one finding per line), and the file is written whenever 4 MiB have gathered.
 * Resolves to the file's SHA-256 (hex).
 */
export function writeJsonFile(file: string, value: unknown, depth = 4): Promise<string> {
  // Synchronous on purpose: one await per result costs more than the whole write.
  const fd = openSync(file, 'w');
  const out = new ChunkWriter(fd);
  const write = (node: unknown, level: number): void => {
    const indent = '  '.repeat(level);
    const inner = '  '.repeat(level + 1);
    const isContainer = typeof node === 'object' && node !== null;
    if (
      !isContainer ||
      level >= depth ||
      typeof (node as { toJSON?: unknown }).toJSON === 'function'
    ) {
      // Below `depth` each value goes on one line: a result per line reads well and writes fast.
      out.push(JSON.stringify(node) ?? 'null');
      return;
    }
    if (Array.isArray(node)) {
      if (node.length === 0) return out.push('[]');
      out.push('[\n');
      for (let index = 0; index < node.length; index++) {
        out.push(inner);
        write(node[index] === undefined ? null : node[index], level + 1);
        out.push(index < node.length - 1 ? ',\n' : '\n');
        if (out.full) out.flush();
      }
      return out.push(`${indent}]`);
    }
    const entries = Object.entries(node).filter(
      ([, v]) => v !== undefined && typeof v !== 'function',
    );
    if (entries.length === 0) return out.push('{}');
    out.push('{\n');
    for (let index = 0; index < entries.length; index++) {
      const entry: [string, unknown] = entries[index] ?? ['', null];
      const [key, child] = entry;
      out.push(`${inner}${JSON.stringify(key)}: `);
      write(child, level + 1);
      out.push(index < entries.length - 1 ? ',\n' : '\n');
    }
    out.push(`${indent}}`);
  };
  try {
    write(value, 0);
    out.push('\n');
    out.flush();
  } finally {
    closeSync(fd);
  }
  return Promise.resolve(out.hash.digest('hex'));
}
