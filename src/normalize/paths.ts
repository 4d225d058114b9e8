import path from 'node:path';

export interface UriBase {
  uri?: string;
  uriBaseId?: string;
}

function stripFileScheme(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri.replace(/^file:\/\//, '');
  }
}

/**
 * One repo-relative, forward-slash form for every way tools spell a path:
 * file:// URIs, %SRCROOT%-style base ids, absolute paths inside the root, Windows separators, ./ prefixes.
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
  const base = options.uriBaseId ? options.originalUriBaseIds?.[options.uriBaseId]?.uri : undefined;
  const key = `${options.root}\u0000${base ?? ''}\u0000${uri}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = computePath(uri, options.root, base);
  memo.set(key, value);
  return value;
}

function computePath(uri: string, rootPath: string, base: string | undefined): string {
  let value = uri;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(value);
  if (base && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) value = base.replace(/\/?$/, '/') + value;
  // Percent-decode exactly once: file: URIs when URL-parsed, plain paths here. Decoding a URI before
  // parsing it would read an encoded '#' or '?' in a file name as a fragment or a query.
  if (value.startsWith('file:')) value = stripFileScheme(value);
  else if (!hasScheme) {
    try {
      value = decodeURIComponent(value);
    } catch {
      /* keep as is */
    }
  }
  value = value.replace(/\\/g, '/');
  // Windows drive letters arrive as /C:/...
  value = value.replace(/^\/([A-Za-z]:\/)/, '$1');
  const root = rootPath.replace(/\\/g, '/').replace(/\/?$/, '/');
  if (value.startsWith(root)) value = value.slice(root.length);
  else if (path.posix.isAbsolute(value) && value === root.slice(0, -1)) value = '.';
  value = path.posix.normalize(value);
  while (value.startsWith('./')) value = value.slice(2);
  // Scanners that catalogue a directory report files as "/package-lock.json" relative to it.
  if (value.startsWith('/') && !value.startsWith(root)) {
    const candidate = value.slice(1);
    if (!candidate.startsWith('/')) value = candidate;
  }
  return value === '' ? '.' : value;
}
