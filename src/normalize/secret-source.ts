import { execFile } from 'node:child_process';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Finding } from '../model/finding.ts';
import { secretHint, secretTokens } from './secrets.ts';

/** Source files larger than this are not read back (a secret's file is a config file, not a blob). */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
const MAX_LINES = 200;

async function readInside(
  root: string,
  relative: string,
): Promise<string[] | 'missing' | undefined> {
  if (!relative || relative === '.' || path.isAbsolute(relative) || /^[a-z]+:/i.test(relative))
    return undefined;
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) return undefined;
  // lstat: a symbolic link is never followed out of the scanned tree.
  const stats = await lstat(file).catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? ('missing' as const) : undefined,
  );
  if (stats === 'missing') return 'missing';
  if (!stats?.isFile() || stats.size > MAX_SOURCE_BYTES) return undefined;
  return (await readFile(file, 'utf8')).split(/\r?\n/);
}

const git = promisify(execFile);

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;

/** The whole PEM private key block that begins on line `index` (0-based), as the tools match it. */
function privateKeyBlock(lines: string[], index: number): string | undefined {
  const first = lines[index];
  const begin = first === undefined ? undefined : PEM_BEGIN.exec(first);
  if (!first || !begin) return undefined;
  for (let end = index; end < Math.min(lines.length, index + MAX_LINES); end++) {
    const close = PEM_END.exec(lines[end] ?? '');
    if (!close) continue;
    const block = lines.slice(index, end + 1);
    block[block.length - 1] = (block.at(-1) ?? '').slice(0, close.index + close[0].length);
    block[0] = (block[0] ?? '').slice(begin.index);
    return block.join('\n');
  }
  return undefined;
}

/**
 * The file's lines in HEAD's tree, 'missing' when HEAD has no such file, undefined when that cannot
 * be told (no repository, no commit yet, not a regular file, too large). A secret from history is
 * judged against the last commit, not the work tree: a file deleted but not committed is still
 * there, and one re-created but never committed is still gone.
 */
async function readAtHead(
  root: string,
  relative: string,
): Promise<string[] | 'missing' | undefined> {
  if (!relative || path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..'))
    return undefined;
  const object = `HEAD:./${relative}`;
  const options = { cwd: root, encoding: 'utf8' as const, maxBuffer: MAX_SOURCE_BYTES };
  try {
    const { stdout } = await git('git', ['cat-file', 'blob', object], options);
    return stdout.split(/\r?\n/);
  } catch {
    // Exists but is no blob (a directory, a submodule) or too large: cannot tell.
    const exists = await git('git', ['cat-file', '-e', object], options).then(
      () => true,
      () => false,
    );
    if (exists) return undefined;
    const head = await git(
      'git',
      ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'],
      options,
    ).then(
      () => true,
      () => false,
    );
    return head ? 'missing' : undefined;
  }
}

/**
 * Tools redact values themselves (Gitleaks `--redact`, Trivy's asterisks, Checkov's masks), yet other
 * results quote the same lines in full (an IaC check on the same resource, Trivy's code lines in its
 * JSON). Reading each secret's lines back from the scanned tree gives the values to scrub from every
 * output, and the hint (prefix and length) the tool no longer had. Only regular files inside `root`.
 */
export async function secretsFromSource(
  root: string,
  findings: Finding[],
): Promise<{ tokens: string[] }> {
  const tokens = new Set<string>();
  const cache = new Map<string, Promise<string[] | 'missing' | undefined>>();
  const atHead = new Map<string, Promise<string[] | 'missing' | undefined>>();
  const cached = (
    map: typeof cache,
    file: string,
    read: () => Promise<string[] | 'missing' | undefined>,
  ) => {
    let lines = map.get(file);
    if (!lines) {
      lines = read().catch(() => undefined);
      map.set(file, lines);
    }
    return lines;
  };
  // Every file's read started at once (the loop below awaits them one by one): thousands of
  // secrets in as many files cost one round of the thread pool, not one each.
  for (const finding of findings)
    if (finding.category === 'secret' && (finding.location.startLine ?? 0) >= 1)
      void cached(cache, finding.location.path, () => readInside(root, finding.location.path));
  for (const finding of findings) {
    if (finding.category !== 'secret') continue;
    const { path: file, startLine, endLine, startColumn } = finding.location;
    if (startLine === undefined || startLine < 1) continue;
    const source = await cached(cache, file, () => readInside(root, file));
    const spanOf = (lines: string[]) =>
      lines.slice(
        startLine - 1,
        Math.min(endLine ?? startLine, startLine + MAX_LINES, lines.length),
      );
    if (finding.commit) {
      // A secret from history whose file is gone from HEAD, or whose lines there hold no credential;
      // outside a repository (a merge of files from elsewhere) the work tree is all there is.
      const committed = (await cached(atHead, file, () => readAtHead(root, file))) ?? source;
      // Values still in HEAD are scrubbed too, even when the work tree no longer holds them.
      if (Array.isArray(committed))
        for (const token of spanOf(committed).flatMap((line) => secretTokens(line)))
          tokens.add(token);
      if (
        committed === 'missing' ||
        (committed !== undefined &&
          !spanOf(committed).some((line) => secretTokens(line).length > 0))
      )
        finding.removedSince = true;
    }
    if (!source || source === 'missing') continue;
    const span = spanOf(source);
    const found = span.flatMap((line) => secretTokens(line));
    for (const token of found) tokens.add(token);
    // A tool-redacted hint (no length) is completed from the private key block starting on its
    // line, or else the first credential on it.
    if (!/ chars\]$/.test(finding.message)) {
      // One character early: Gitleaks reports columns one too far right on every line but the
      // first. A `NAME=value` match (Gitleaks' generic-api-key) is hinted by its value.
      const from =
        startColumn !== undefined ? (span[0] ?? '').slice(Math.max(0, startColumn - 2)) : span[0];
      const value =
        privateKeyBlock(source, startLine - 1) ??
        secretTokens(from)[0]?.replace(/^[^=]*=(?=[^=])/, '');
      if (value) finding.message = secretHint(finding.ruleId, value);
    }
  }
  return { tokens: [...tokens].sort() };
}
