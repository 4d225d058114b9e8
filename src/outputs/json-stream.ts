import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { deflateRawSync } from 'node:zlib';

const FLUSH_AT = 4 * 1024 * 1024;
/** Text handed to the sink and not yet on disk beyond this (UTF-16 units) makes the writer wait. */
const MAX_IN_FLIGHT = 64 * 1024 * 1024;

/** Lets the event loop run (a browser's answers, the sink's acknowledgements) between chunks. */
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
 * The file's end of the writer, on a thread of its own: UTF-8 encoding, SHA-256, the writes and
 * the deflating for measurements run beside the serialising (a third of a large write's time).
 * Plain CommonJS with Node built-ins only, evaluated as is: nothing to resolve next to a bundle.
 */
const SINK = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, openSync, writeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { deflateRawSync } = require('node:zlib');
let fd;
const hash = createHash('sha256');
const measured = [];
parentPort.on('message', (message) => {
  try {
    fd ??= openSync(workerData.file, 'w');
    if (message.end) {
      closeSync(fd);
      parentPort.postMessage({ sha256: hash.digest('hex'), measured });
      return;
    }
    const chunk = Buffer.from(message.text, 'utf8');
    hash.update(chunk);
    for (let offset = 0; offset < chunk.length; )
      offset += writeSync(fd, chunk, offset, chunk.length - offset);
    if (message.item !== undefined) {
      const item = (measured[message.item] ??= { bytes: 0, deflatedBytes: 0 });
      item.bytes += chunk.length;
      item.deflatedBytes += deflateRawSync(chunk, { level: 1 }).length;
    }
    parentPort.postMessage({ written: message.text.length });
  } catch (error) {
    if (fd !== undefined) try { closeSync(fd); } catch {}
    parentPort.postMessage({ failed: String((error && error.message) || error) });
    parentPort.close();
  }
});
`;

type SinkMessage =
  { written: number } | { failed: string } | { sha256: string; measured: (MeasuredItem | null)[] };

interface SinkResult {
  sha256: string;
  measuredBySink: (MeasuredItem | null)[];
}

interface Chunk {
  text: string;
  /** The measured item the text belongs to, if any. */
  item: number | undefined;
}

/**
 * Collects text in large chunks. A document that stays under one chunk is written here when it
 * ends; a larger one goes to a sink thread, started at its first full chunk (a thread costs more
 * than writing a small file).
 */
class ChunkWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  /** Chunks kept until there is enough text to be worth a thread. */
  private queued: Chunk[] = [];
  private queuedLength = 0;
  private inFlight = 0;
  private failure: Error | undefined;
  private sink: Worker | undefined;
  private wake: (() => void) | undefined;
  private finished: ((result: SinkResult) => void) | undefined;
  private readonly file: string;
  /** The measured item the text pushed now belongs to, if any. */
  item: number | undefined;
  items = 0;
  constructor(file: string) {
    this.file = file;
  }
  private startSink(): Worker {
    const file = this.file;
    const sink = new Worker(SINK, { eval: true, workerData: { file } });
    sink.on('message', (message: SinkMessage) => {
      if ('written' in message) this.inFlight -= message.written;
      else if ('failed' in message) this.fail(new Error(`${file}: ${message.failed}`));
      else this.finished?.({ sha256: message.sha256, measuredBySink: message.measured });
      this.wake?.();
    });
    sink.on('error', (error: unknown) =>
      this.fail(error instanceof Error ? error : new Error(String(error))),
    );
    sink.on('exit', () => this.fail(new Error(`${file}: the writer thread stopped`)));
    return sink;
  }
  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }
  private send(sink: Worker, chunk: Chunk): void {
    this.inFlight += chunk.text.length;
    sink.postMessage(chunk);
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
    const chunk = { text: this.pending.join(''), item: this.item };
    this.pending = [];
    this.pendingLength = 0;
    if (this.sink) return this.send(this.sink, chunk);
    this.queued.push(chunk);
    this.queuedLength += chunk.text.length;
    if (this.queuedLength < FLUSH_AT) return;
    const sink = (this.sink = this.startSink());
    for (const queued of this.queued) this.send(sink, queued);
    this.queued = [];
  }
  private nextMessage(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }
  /**
   * A pause between chunks: the event loop runs, and while more than MAX_IN_FLIGHT waits for the
   * disk, the writer waits too (a slow disk must not fill memory with the document).
   */
  async ready(): Promise<void> {
    await breathe();
    while (this.inFlight > MAX_IN_FLIGHT && !this.failure) await this.nextMessage();
    if (this.failure) throw this.failure;
  }
  /** Everything is on disk and the file closed: its hash and measurements. */
  async finish(): Promise<JsonWriteResult> {
    this.flush();
    const sink = this.sink;
    if (!sink) return this.writeHere();
    const done = new Promise<SinkResult>((resolve) => {
      this.finished = resolve;
    });
    sink.postMessage({ end: true });
    while (!this.failure) {
      const result = await Promise.race([done, this.nextMessage().then(() => undefined)]);
      if (result) return { sha256: result.sha256, measured: this.measured(result.measuredBySink) };
    }
    throw this.failure;
  }
  /** A small document: what the sink does, on this thread. */
  private async writeHere(): Promise<JsonWriteResult> {
    const hash = createHash('sha256');
    const measured: MeasuredItem[] = [];
    const buffers = this.queued.map((chunk) => {
      const buffer = Buffer.from(chunk.text, 'utf8');
      hash.update(buffer);
      if (chunk.item !== undefined) {
        const item = (measured[chunk.item] ??= { bytes: 0, deflatedBytes: 0 });
        item.bytes += buffer.length;
        item.deflatedBytes += deflateRawSync(buffer, { level: 1 }).length;
      }
      return buffer;
    });
    try {
      await writeFile(this.file, buffers);
    } catch (error) {
      throw new Error(`${this.file}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    return { sha256: hash.digest('hex'), measured: this.measured(measured) };
  }
  private measured(found: readonly (MeasuredItem | null | undefined)[]): MeasuredItem[] {
    return Array.from(
      { length: this.items },
      (_, index) => found[index] ?? { bytes: 0, deflatedBytes: 0 },
    );
  }
  /** The thread goes, whatever happened (after finish() it has nothing left to do). */
  async stop(): Promise<void> {
    if (!this.sink) return;
    this.sink.removeAllListeners('exit');
    await this.sink.terminate();
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
  const out = new ChunkWriter(file);
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
          out.item = out.items++;
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
    return await out.finish();
  } finally {
    await out.stop();
  }
}
