import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
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
  for (const finding of findings) {
    if (finding.category !== 'secret') continue;
    const { path: file, startLine, endLine, startColumn } = finding.location;
    if (startLine === undefined || startLine < 1) continue;
    let lines = cache.get(file);
    if (!lines) {
      lines = readInside(root, file).catch(() => undefined);
      cache.set(file, lines);
    }
    const source = await lines;
    // A secret from history whose file is gone, or whose lines no longer hold a credential.
    if (finding.commit && source === 'missing') finding.removedSince = true;
    if (!source || source === 'missing') continue;
    const last = Math.min(endLine ?? startLine, startLine + MAX_LINES, source.length);
    const span = source.slice(startLine - 1, last);
    const found = span.flatMap((line) => secretTokens(line));
    for (const token of found) tokens.add(token);
    if (finding.commit && found.length === 0) finding.removedSince = true;
    // A tool-redacted hint (no length) is completed from the first credential on its line.
    if (!/ chars\]$/.test(finding.message)) {
      const from = startColumn !== undefined ? (span[0] ?? '').slice(startColumn - 1) : span[0];
      const value = secretTokens(from)[0];
      if (value) finding.message = secretHint(finding.ruleId, value);
    }
  }
  return { tokens: [...tokens].sort() };
}
