import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { killTree, trackProcessGroup } from '../run/process.ts';

/**
 * Where Chromium or Chrome lives on Debian/Ubuntu and on GitHub-hosted runners. The headless
 * shell first: the same engine without the full browser's UI, it starts and prints in a third of
 * the CPU (a 23-page report: 0.2 s against 0.7 s, start included; a 79-page one prints in 0.47 s
 * against 0.70 s).
 */
const CANDIDATES = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.SCANFOLD_CHROMIUM;
  if (explicit !== undefined) return explicit && existsSync(explicit) ? explicit : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

/** Headless, offline, no profile: nothing but the local page is loaded. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
];

/** Text in the families and weights a report uses, and an SVG: what a first print has to load. */
const WARM_UP_PAGE = `<!doctype html><meta charset="utf-8"><style>
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}</style>
<h1>Warm-up</h1><p><b>bold</b> <i>italic</i> <code>code</code> – “quotes” ✓ ✗</p>
<svg width="40" height="20"><rect width="40" height="20" fill="#d1242f"/><text x="2" y="14">1</text></svg>`;

export type PdfResult = { ok: true; file: string } | { ok: false; note: string };

/**
 * An element to replace, by id, before printing: the page's parts known only after it was opened
 * (HTML rendered and escaped by Scanfold; an empty string removes the element).
 */
export interface PageFill {
  id: string;
  html: string;
}

/** A page being loaded in the browser, printed once its late parts are filled in. */
export interface PrintJob {
  /** Fill the slots and print; a failing browser or a missing slot is a note, never an error. */
  print(pdfFile: string, fills?: readonly PageFill[]): Promise<PdfResult>;
  /** Give the tab back without printing (idempotent; a no-op after print). */
  discard(): Promise<void>;
}

export interface PdfPrinter {
  /** Print a local HTML file to PDF; a failing browser is a note, never an error. */
  print(htmlFile: string, pdfFile: string): Promise<PdfResult>;
  /**
   * Start loading a local HTML file now, to print it later: the browser lays the page out on
   * another core while the caller works out the page's last parts. The file must stay until then.
   */
  open(htmlFile: string): PrintJob;
  /** Stop the browser (idempotent). */
  close(): Promise<void>;
  /** Start the browser now, ahead of the first print (idempotent). */
  warm(): void;
  /** The browser's process id once started (its process group is killed on close or exit). */
  browserPid(): Promise<number | undefined>;
}

export interface PdfOptions {
  /** Bound on one print, browser start included (default 60 s). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message?: string };
  params?: Record<string, unknown>;
}

/**
 * Chromium's DevTools protocol over a pipe (--remote-debugging-pipe: commands on fd 3, replies on
 * fd 4, each message JSON ending in NUL). Only the five commands a print needs.
 */
class DevToolsPipe {
  private nextId = 1;
  private buffered = '';
  private readonly pending = new Map<
    number,
    { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }
  >();
  private readonly waiters: Array<{ method: string; sessionId: string; resolve: () => void }> = [];
  private failure: Error | undefined;
  private readonly toBrowser: Writable;

  constructor(toBrowser: Writable, fromBrowser: Readable) {
    this.toBrowser = toBrowser;
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => this.receive(chunk));
    fromBrowser.on('error', (error: Error) => this.fail(error));
    toBrowser.on('error', (error: Error) => this.fail(error));
  }

  send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<Record<string, unknown>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** Resolves on the next `method` event of the session. */
  event(method: string, sessionId: string): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ method, sessionId, resolve }));
  }

  fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(this.failure);
    this.pending.clear();
  }

  private receive(chunk: string): void {
    const parts = (this.buffered + chunk).split('\0');
    this.buffered = parts.pop() ?? '';
    for (const part of parts) {
      let message: CdpMessage;
      try {
        message = JSON.parse(part) as CdpMessage;
      } catch {
        continue;
      }
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message ?? 'DevTools error'));
        else waiting?.resolve(message.result ?? {});
      } else if (message.method) {
        const index = this.waiters.findIndex(
          (w) => w.method === message.method && w.sessionId === message.sessionId,
        );
        if (index >= 0) this.waiters.splice(index, 1)[0]?.resolve();
      }
    }
  }
}

/**
 * Wait for `promise`, but no longer than `ms`. The timer is cleared (and never holds the process
 * open): a plain race with setTimeout kept every scan alive two seconds after its last output.
 */
async function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      promise,
      new Promise((resolve) => {
        timer = setTimeout(resolve, ms);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A page written for Chromium to open, and how to remove it. */
export interface TemporaryPage {
  /** The HTML file, in a temporary directory of its own. */
  page: string;
  dir: string;
  /** Remove the directory, whatever was written into it. */
  remove: () => Promise<void>;
}

/** HTML text as a page Chromium can open (a file: URL in a temporary directory of its own). */
export async function temporaryPage(html: string): Promise<TemporaryPage> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scanfold-page-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const page = path.join(dir, 'page.html');
  try {
    await writeFile(page, html, { flag: 'wx' });
  } catch (error) {
    await remove();
    throw error;
  }
  return { page, dir, remove };
}

/** HTML text as a page for `use`; the page's directory is removed afterwards. */
export async function withTemporaryPage<T>(
  html: string,
  use: (page: string, dir: string) => Promise<T>,
): Promise<T> {
  const { page, dir, remove } = await temporaryPage(html);
  try {
    return await use(page, dir);
  } finally {
    await remove();
  }
}

function unavailable(note: string): PdfPrinter {
  return {
    print: () => Promise.resolve({ ok: false, note }),
    open: () => ({
      print: () => Promise.resolve({ ok: false, note }),
      discard: () => Promise.resolve(),
    }),
    close: () => Promise.resolve(),
    warm: () => undefined,
    browserPid: () => Promise.resolve(undefined),
  };
}

/**
 * Headless Chromium kept for the print at the end, started by `warm()` (or the first print): a
 * scan warms it while a core is idle during the last scanners, so the browser's start-up is not on
 * the critical path after the last scanner exits.
 */
export function createPdfPrinter(options: PdfOptions = {}): PdfPrinter {
  const chromium = findChromium(options.env);
  if (!chromium)
    return unavailable(
      'report.pdf skipped: no Chromium or Chrome found (set SCANFOLD_CHROMIUM to its path)',
    );
  const name = path.basename(chromium);
  let profile: Promise<string> | undefined;
  let stderr = '';
  let exited: string | undefined;
  let untrack = (): void => undefined;
  let pid: number | undefined;
  let gone: Promise<void> = Promise.resolve();
  let pipe: Promise<DevToolsPipe> | undefined;
  const launch = (): Promise<DevToolsPipe> => {
    if (pipe) return pipe;
    profile = mkdtemp(path.join(os.tmpdir(), 'scanfold-chromium-'));
    pipe = profile.then((dir) => {
      const child = spawn(
        chromium,
        [...CHROMIUM_FLAGS, `--user-data-dir=${dir}`, '--remote-debugging-pipe', 'about:blank'],
        { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true },
      );
      pid = child.pid;
      gone = new Promise((resolve) => child.once('close', () => resolve()));
      if (pid) untrack = trackProcessGroup(pid);
      const devtools = new DevToolsPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-2_000);
      });
      child.on('error', (error) => {
        exited = error.message;
        devtools.fail(error);
      });
      child.on('exit', (code, signal) => {
        exited = `exited ${code ?? signal ?? 'on a signal'}`;
        untrack();
        devtools.fail(new Error(exited));
      });
      return devtools;
    });
    // A failed start is reported by the print that needs it.
    pipe.catch(() => undefined);
    return pipe;
  };
  // An unused printer must not keep the process alive or leave a browser behind.
  const onExit = (): void => {
    if (pid) killTree(pid, 'SIGKILL');
  };
  process.once('exit', onExit);

  const noteFor = (error: unknown): string => {
    const last = stderr.trim().split('\n').pop() ?? '';
    const reason = exited ?? (error instanceof Error ? error.message : String(error));
    return `report.pdf skipped: ${name} ${reason}${last ? ` (${last.slice(0, 200)})` : ''}`;
  };

  interface Tab {
    targetId: string;
    sessionId: string;
  }
  async function openTab(devtools: DevToolsPipe): Promise<Tab> {
    const { targetId } = await devtools.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await devtools.send('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    if (typeof targetId !== 'string' || typeof sessionId !== 'string')
      throw new Error('no DevTools session');
    await devtools.send('Page.enable', {}, sessionId);
    // Styled and laid out for print from the start: printing then restyles nothing (a 79-page
    // report printed in 0.65-0.75 s instead of 0.85-0.95 s, loaded in 0.15 s instead of 0.25 s).
    await devtools.send('Emulation.setEmulatedMedia', { media: 'print' }, sessionId);
    return { targetId, sessionId };
  }
  /**
   * The tab the warm-up printed in, for the first real print: its renderer process is running and
   * has laid out text in the report's fonts already (a new tab starts a new one). Undefined once
   * taken, or when the warm-up failed.
   */
  let spareTab: Promise<Tab | undefined> | undefined;
  let warmStarted = false;

  /** A tab with `htmlFile` loaded: the warm-up's tab when it is free, else a new one. */
  async function load(devtools: DevToolsPipe, htmlFile: string): Promise<Tab> {
    const spare = await spareTab;
    spareTab = undefined;
    const tab = spare ?? (await openTab(devtools));
    try {
      await navigate(devtools, tab, htmlFile);
    } catch (error) {
      await closeTab(devtools, tab);
      throw error;
    }
    return tab;
  }

  async function closeTab(devtools: DevToolsPipe, tab: Tab): Promise<void> {
    await devtools.send('Target.closeTarget', { targetId: tab.targetId }).catch(() => undefined);
  }

  async function navigate(devtools: DevToolsPipe, { sessionId }: Tab, htmlFile: string) {
    const loaded = devtools.event('Page.loadEventFired', sessionId);
    await devtools.send('Page.navigate', { url: pathToFileURL(htmlFile).href }, sessionId);
    await loaded;
  }

  /** Replace each slot by its HTML; a slot the page lacks fails the print rather than hiding it. */
  async function fill(devtools: DevToolsPipe, { sessionId }: Tab, fills: readonly PageFill[]) {
    if (fills.length === 0) return;
    const { result } = await devtools.send(
      'Runtime.evaluate',
      {
        // The fills travel as a JSON literal: data, never code.
        expression: `((pairs) => {
          const missing = pairs.filter((pair) => !document.getElementById(pair.id));
          if (missing.length > 0) return missing.map((pair) => pair.id).join(', ');
          for (const pair of pairs) document.getElementById(pair.id).outerHTML = pair.html;
          return '';
        })(${JSON.stringify(fills)})`,
        returnByValue: true,
      },
      sessionId,
    );
    const missing = (result as { value?: unknown } | undefined)?.value;
    if (missing !== '') throw new Error(`the page has no slot ${String(missing)}`);
  }

  async function printIn(devtools: DevToolsPipe, { sessionId }: Tab, pdfFile: string) {
    // Streamed: a long report's PDF is tens of MB, too much for one protocol message.
    const { stream } = await devtools.send(
      'Page.printToPDF',
      {
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
        transferMode: 'ReturnAsStream',
      },
      sessionId,
    );
    if (typeof stream !== 'string') throw new Error('no PDF stream');
    const out = createWriteStream(pdfFile, { flags: 'wx' });
    try {
      for (;;) {
        const chunk = await devtools.send('IO.read', { handle: stream, size: 4 << 20 }, sessionId);
        if (typeof chunk.data === 'string' && chunk.data)
          out.write(Buffer.from(chunk.data, chunk.base64Encoded === true ? 'base64' : 'utf8'));
        if (chunk.eof === true) break;
      }
    } finally {
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    }
    await devtools.send('IO.close', { handle: stream }, sessionId);
  }

  /** Run `work` within the print timeout; any failure becomes the note that skips report.pdf. */
  async function bounded(pdfFile: string, work: () => Promise<void>): Promise<PdfResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${(options.timeoutMs ?? 60_000) / 1000} s`)),
        options.timeoutMs ?? 60_000,
      );
    });
    try {
      await Promise.race([work(), timeout]);
      const size = await stat(pdfFile).then(
        (info) => info.size,
        () => 0,
      );
      return size > 0
        ? { ok: true, file: pdfFile }
        : { ok: false, note: noteFor('wrote an empty PDF') };
    } catch (error) {
      await rm(pdfFile, { force: true });
      // A broken pipe is the symptom; the browser's exit status, if it comes, is the reason.
      await atMost(gone, 1_000);
      return { ok: false, note: noteFor(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  function open(htmlFile: string): PrintJob {
    const loading = launch().then(async (devtools) => ({
      devtools,
      tab: await load(devtools, htmlFile),
    }));
    // A failed load is reported by the print that needs it.
    loading.catch(() => undefined);
    let used = false;
    return {
      print(pdfFile, fills = []) {
        used = true;
        return bounded(pdfFile, async () => {
          const { devtools, tab } = await loading;
          try {
            await fill(devtools, tab, fills);
            await printIn(devtools, tab, pdfFile);
          } finally {
            await closeTab(devtools, tab);
          }
        });
      },
      async discard() {
        if (used) return;
        used = true;
        const loaded = await loading.catch(() => undefined);
        if (loaded) await closeTab(loaded.devtools, loaded.tab);
      },
    };
  }

  return {
    print: (htmlFile, pdfFile) => open(htmlFile).print(pdfFile),
    open,
    warm() {
      // A first print loads fonts and warms the renderer (half a second or more): done here, on a
      // page of text in each family a report uses, it is not done after the last scanner.
      if (warmStarted) return;
      warmStarted = true;
      // The first print waits for this one and then uses its tab: the two never share it.
      spareTab = launch()
        .then(async (devtools) => {
          const tab = await openTab(devtools);
          await withTemporaryPage(WARM_UP_PAGE, async (page, dir) => {
            await navigate(devtools, tab, page);
            await printIn(devtools, tab, path.join(dir, 'warm.pdf'));
          });
          return tab;
        })
        .catch(() => undefined);
    },
    async browserPid() {
      await launch().catch(() => undefined);
      return pid;
    },
    async close() {
      process.removeListener('exit', onExit);
      if (!pipe) return;
      await pipe.catch(() => undefined);
      // No graceful Browser.close: its answer may never come (the pipe closes first), and waiting
      // for it cost two seconds at the end of every scan. The profile is thrown away anyway.
      if (pid) killTree(pid, 'SIGKILL');
      await atMost(gone, 2_000);
      untrack();
      if (profile) await rm(await profile, { recursive: true, force: true });
    },
  };
}

/** Print report.html to PDF with a browser of its own (started and stopped here). */
export async function printPdf(
  htmlFile: string,
  pdfFile: string,
  options: PdfOptions = {},
): Promise<PdfResult> {
  const printer = createPdfPrinter(options);
  try {
    return await printer.print(htmlFile, pdfFile);
  } finally {
    await printer.close();
  }
}
