import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface UriBase {
  uri?: string;
  uriBaseId?: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** A drive letter, not a URI scheme: `C:\x` or `C:/x`. */
const DRIVE = /^[A-Za-z]:[\\/]/;

/**
 * Whether a normalized path names something outside the repository: normalizePath gives those as
 * an absolute URI (`file:` elsewhere on disk or on another host, `https:`, an image scheme…).
 */
export function isExternalPath(value: string): boolean {
  return SCHEME.test(value) && !DRIVE.test(value);
}

/**
 * One repo-relative, forward-slash form for every way tools spell a path:
 * file:// URIs, %SRCROOT%-style base ids, absolute paths inside the root, Windows separators, ./ prefixes.
 * A location outside the root is never passed off as a repository file: it comes back as an
 * absolute URI (see isExternalPath), a `file:` URI when it is on disk. A path relative to a base id
 * that points outside the root (the checkout of the machine that ran the tool: another runner, a
 * laptop) stays relative to that base: it is the tool's path in its own source tree, and what
 * GitHub reads too (it ignores originalUriBaseIds and takes a relative uri as repository-relative).
 */
const memo = new Map<string, string>();
const MEMO_LIMIT = 200_000;

export function normalizePath(
  uri: string,
  options: {
    root: string;
    uriBaseId?: string | undefined;
    originalUriBaseIds?: Record<string, UriBase> | undefined;
  },
): string {
  // Tools repeat the same few thousand URIs across many results; the answer depends only on these.
  const base = options.uriBaseId
    ? (resolveBase(options.uriBaseId, options.originalUriBaseIds, new Set()) ?? undefined)
    : undefined;
  const key = `${options.root}\u0000${base?.uri ?? ''}\u0000${base?.belowAnchor ?? ''}\u0000${uri}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = computePath(uri, options.root, base);
  memo.set(key, value);
  return value;
}

interface ResolvedBase {
  /** The base's URI with its own base ids applied. */
  uri: string;
  /** Its part below the absolute URI or path the chain starts from, when it starts from one. */
  belowAnchor: string | undefined;
}

/**
 * A base id's URI with its own base ids applied (`A = {uri: "sub/", uriBaseId: "B"}`). An id the
 * run does not define gives undefined: the path is then read against the root, which is what
 * `%SRCROOT%` without a definition means for every tool that writes it. A cycle (null) defines
 * nothing either.
 */
function resolveBase(
  id: string,
  bases: Record<string, UriBase> | undefined,
  seen: Set<string>,
): ResolvedBase | undefined | null {
  if (seen.has(id)) return null;
  // Own properties only: `constructor` or `toString` as an id must not read Object.prototype.
  if (!bases || !Object.hasOwn(bases, id)) return undefined;
  seen.add(id);
  const entry = bases[id];
  const uri = typeof entry?.uri === 'string' ? entry.uri : undefined;
  if (uri === undefined) return undefined;
  if (SCHEME.test(uri) || uri.startsWith('/')) return { uri, belowAnchor: '' };
  if (typeof entry?.uriBaseId !== 'string') return { uri, belowAnchor: undefined };
  const parent = resolveBase(entry.uriBaseId, bases, seen);
  if (parent === null) return null;
  if (parent === undefined) return { uri, belowAnchor: undefined };
  const join = (above: string): string => (above === '' ? uri : above.replace(/\/?$/, '/') + uri);
  return {
    uri: join(parent.uri),
    belowAnchor: parent.belowAnchor === undefined ? undefined : join(parent.belowAnchor),
  };
}

function fileUriPath(uri: string): { host: string; path: string } | undefined {
  try {
    const url = new URL(uri);
    return { host: url.hostname, path: decodeURIComponent(url.pathname) };
  } catch {
    return undefined;
  }
}

/** An absolute path outside the root as a `file:` URI (drive letters and UNC hosts kept). */
function fileUri(absolute: string): string {
  const unc = /^\/\/([^/]+)(\/.*)?$/.exec(absolute);
  if (unc) {
    const url = new URL('file://');
    url.hostname = unc[1] ?? '';
    url.pathname = unc[2] ?? '/';
    return url.href;
  }
  if (DRIVE.test(absolute))
    return pathToFileURL('/' + absolute).href.replace('file:////', 'file:///');
  return pathToFileURL(absolute).href;
}

function computePath(uri: string, rootPath: string, resolved: ResolvedBase | undefined): string {
  const base = resolved?.uri;
  let value = uri;
  const isDrive = DRIVE.test(value);
  const hasScheme = SCHEME.test(value) && !isDrive;
  const relative = base !== undefined && !hasScheme && !isDrive && !/^[\\/]/.test(value);
  if (relative) value = base.replace(/\/?$/, '/') + value;
  const root = rootPath.replace(/\\/g, '/').replace(/\/?$/, '/');
  // Percent-decode exactly once: file: URIs when URL-parsed, plain paths here. Decoding a URI before
  // parsing it would read an encoded '#' or '?' in a file name as a fragment or a query.
  if (/^file:/i.test(value)) {
    const parsed = fileUriPath(value);
    // A file on another host is not in this checkout, whatever its path.
    if (!parsed || (parsed.host !== '' && parsed.host !== 'localhost')) return uri;
    value = parsed.path;
  } else if (SCHEME.test(value) && !DRIVE.test(value)) {
    // https:, an image reference (`alpine:3.19`, `docker-archive:…`): not a repository file.
    return value;
  } else {
    try {
      value = decodeURIComponent(value);
    } catch {
      /* keep as is */
    }
  }
  value = value.replace(/\\/g, '/');
  // Windows drive letters arrive as /C:/...
  value = value.replace(/^\/([A-Za-z]:\/)/, '$1');
  if (value.startsWith('//')) return fileUri(value);
  if (value.startsWith(root)) value = value.slice(root.length);
  else if (value === root.slice(0, -1)) value = '.';
  else if (DRIVE.test(value)) return fileUri(value);
  // A relative path under a base elsewhere (Trivy's image scans root ROOTPATH at `file:///`, which
  // says no more than a leading '/', and is read as one below): relative to that base.
  else if (
    relative &&
    base !== undefined &&
    resolved?.belowAnchor !== undefined &&
    !/^file:\/\/\/?$/i.test(base)
  ) {
    let inBase = `${resolved.belowAnchor.replace(/([^/])$/, '$1/')}${uri}`;
    try {
      inBase = decodeURIComponent(inBase);
    } catch {
      /* keep as is */
    }
    inBase = path.posix.normalize(inBase.replace(/\\/g, '/').replace(/\/{2,}/g, '/'));
    if (inBase !== '..' && !inBase.startsWith('../') && !inBase.startsWith('/'))
      return inBase.replace(/^(\.\/)+/, '') || '.';
    return fileUri(path.posix.normalize(value));
  }
  // An absolute file URI elsewhere on disk: keep it absolute.
  else if (/^file:/i.test(uri)) return fileUri(path.posix.normalize(value));
  value = path.posix.normalize(value);
  // `..` climbing out of the root: the file it names, as an absolute URI.
  if (value === '..' || value.startsWith('../')) return fileUri(path.posix.join(root, value));
  while (value.startsWith('./')) value = value.slice(2);
  // Scanners that catalogue a directory report files as "/package-lock.json" relative to it.
  if (value.startsWith('/') && !value.startsWith(root)) {
    const candidate = value.slice(1);
    if (!candidate.startsWith('/')) value = candidate;
  }
  return value === '' ? '.' : value;
}
