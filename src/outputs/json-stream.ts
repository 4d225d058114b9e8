import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { close, open, write } from 'node:fs';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';

const FLUSH_AT = 4 * 1024 * 1024;
/** Chunks waiting for the disk beyond this make the writer wait. */
const MAX_IN_FLIGHT = 64 * 1024 * 1024;
const openFile = promisify(open);
const closeFile = promisify(close);
const deflateFast = promisify(deflateRaw);

/** Lets the event loop run (a browser's answers, the thread pool's completions) between chunks. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The size of one item of the measured array (see JsonWriteOptions.measure), as written. */
export interface MeasuredItem {
  /** Bytes of the item's text in the file (UTF-8, indentation included). */
  bytes: number;
  /**
   * Its text deflated at level 1, 4 MiB at a time: never less than what the default level gives
   * for the same text in one piece, so an upper estimate of its gzipped size.
   */
  deflatedBytes: number;
}

export interface JsonWriteResult {
  /** SHA-256 of the file (hex), hashed while writing, so it need not be read back. */
  sha256: string;
  /** One entry per item of the measured array, in order. */
  measured: MeasuredItem[];
}

export interface JsonWriteOptions {
  /** Containers down to this level are indented; each value below it is one line (default 4). */
  depth?: number;
  /** A top-level key whose array items are measured (bytes and level-1 deflated size). */
  measure?: string;
}

/**
 * Collects text and hands it to the file in large chunks. Each chunk is written at its own offset
 * on libuv's thread pool, so the disk (and the deflating for measurements) runs beside the
 * serialising on the main thread instead of after it.
 */
class ChunkWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private position = 0;
  /** Chunks handed to the thread pool and not yet done, oldest first, with their sizes. */
  private readonly inFlight: { done: Promise<void>; bytes: number }[] = [];
  private inFlightBytes = 0;
  private failure: Error | undefined;
  private readonly fd: number;
  readonly hash: Hash = createHash('sha256');
  /** Where the text pushed now is counted, if it is measured. */
  item: MeasuredItem | undefined;
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
    const at = this.position;
    this.position += chunk.length;
    this.track(
      chunk.length,
      new Promise<void>((resolve, reject) => {
        write(this.fd, chunk, 0, chunk.length, at, (error) => (error ? reject(error) : resolve()));
      }),
    );
    const item = this.item;
    if (item) {
      item.bytes += chunk.length;
      this.track(
        chunk.length,
        deflateFast(chunk, { level: 1 }).then((deflated) => {
          item.deflatedBytes += deflated.length;
        }),
      );
    }
  }
  private track(bytes: number, promise: Promise<void>): void {
    const entry = {
      bytes,
      done: promise.then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= error instanceof Error ? error : new Error(String(error));
        },
      ),
    };
    this.inFlightBytes += bytes;
    void entry.done.then(() => {
      this.inFlightBytes -= bytes;
    });
    this.inFlight.push(entry);
  }
  /**
   * A pause between chunks: the event loop runs, and while more than MAX_IN_FLIGHT bytes wait for
   * the disk, the oldest are waited for (a slow disk must not fill memory with the document).
   */
  async ready(): Promise<void> {
    await breathe();
    while (this.inFlightBytes > MAX_IN_FLIGHT && this.inFlight.length > 0)
      await this.inFlight.shift()?.done;
    if (this.failure !== undefined) throw this.failure;
  }
  /** Every chunk handed out is done (written or failed): only then may the file be closed. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight.map((entry) => entry.done));
  }
  get error(): Error | undefined {
    return this.failure;
  }
}

/** A member whose value is still being computed: written when the writer reaches it. */
function isPending(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Write `value` as JSON without ever holding the whole document in one string: V8 strings stop at
 * ~512 MiB, which a merged SARIF passes near 400k results. Containers down to `depth` levels are
 * indented (2 spaces); each value below that is written compactly on its own line (one SARIF
 * result or one finding per line), and the file is written whenever 4 MiB have gathered.
 *
 * A member whose value is a promise is written once it settles, so a document can be serialised
 * up to a last member still being computed (report.json's manifest waits for report.pdf). The
 * event loop runs between chunks.
 */
export async function writeJsonFile(
  file: string,
  value: unknown,
  options: JsonWriteOptions = {},
): Promise<JsonWriteResult> {
  const depth = options.depth ?? 4;
  const measured: MeasuredItem[] = [];
  const fd = await openFile(file, 'w');
  const out = new ChunkWriter(fd);
  // A generator, so the walk can pause at a chunk or a pending member without an await per value.
  function* walk(node: unknown, level: number, key?: string): Generator<PromiseLike<unknown>> {
    if (isPending(node)) {
      let settled: unknown;
      yield Promise.resolve(node).then((result) => (settled = result));
      node = settled;
    }
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
    const indent = '  '.repeat(level);
    const inner = '  '.repeat(level + 1);
    if (Array.isArray(node)) {
      if (node.length === 0) return out.push('[]');
      const measuring = level === 1 && key !== undefined && key === options.measure;
      out.push('[\n');
      for (let index = 0; index < node.length; index++) {
        if (measuring) {
          // Each measured item in chunks of its own, so its size is its own.
          out.flush();
          out.item = { bytes: 0, deflatedBytes: 0 };
          measured.push(out.item);
        }
        out.push(inner);
        yield* walk(node[index] === undefined ? null : node[index], level + 1);
        if (measuring) {
          out.flush();
          out.item = undefined;
        }
        out.push(index < node.length - 1 ? ',\n' : '\n');
        if (out.full) {
          out.flush();
          yield out.ready();
        }
      }
      return out.push(`${indent}]`);
    }
    const entries = Object.entries(node as object).filter(
      ([, v]) => v !== undefined && typeof v !== 'function',
    );
    if (entries.length === 0) return out.push('{}');
    out.push('{\n');
    for (let index = 0; index < entries.length; index++) {
      const entry: [string, unknown] = entries[index] ?? ['', null];
      const [name, child] = entry;
      out.push(`${inner}${JSON.stringify(name)}: `);
      yield* walk(child, level + 1, name);
      out.push(index < entries.length - 1 ? ',\n' : '\n');
    }
    out.push(`${indent}}`);
  }
  try {
    for (const pause of walk(value, 0)) await pause;
    out.push('\n');
    out.flush();
  } finally {
    // Never close with writes outstanding: the descriptor could be reused by another file.
    await out.drain();
    await closeFile(fd);
  }
  if (out.error !== undefined) throw out.error;
  return { sha256: out.hash.digest('hex'), measured };
}
