import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { errorMessage, TransientError } from '../model/errors.ts';
import type { Clock, Logger } from '../model/ports.ts';
import { runProcess } from '../run/process.ts';
import { backoffDelay, parseRetryAfter } from '../run/retry.ts';
import type { Release, RegistrySource, ToolSpec } from './manifest.ts';
import { checkLockFit } from './pip-lock.ts';

export type InstallSource = 'path' | 'cache' | 'download' | 'registry';

export interface InstalledTool {
  name: string;
  executable: string;
  source: InstallSource;
  pinnedVersion: string;
  /** What the install was checked against, and the digest that passed (for the report). */
  provenance?: Provenance;
}

export interface Provenance {
  verifiedBy:
    'pinned-sha256' | 'release-checksums' | 'pip-require-hashes' | 'go-sum' | 'unverified';
  /** SHA-256 of the downloaded archive, or of the installed executable. */
  sha256: string;
}

export interface InstallOptions {
  toolCache: string;
  logger: Logger;
  clock: Clock;
  /** Try release downloads and registries when the tool is not already present. */
  allowInstall: boolean;
  /** Ignore binaries on PATH (tests, or to force the pinned version). */
  ignorePath?: boolean;
  downloadAttempts?: number;
  retryBaseMs?: number;
  platform?: string;
}

export class InstallError extends Error {
  override name = 'InstallError';
}

interface InstallMarker {
  tool: string;
  version: string;
  source: InstallSource;
  sha256: string;
  provenance?: Provenance;
  /**
   * The executable's inode, size, mtime and ctime when its SHA-256 last matched. Any write, chmod,
   * rename or utimes changes the ctime, which user space cannot set back, so while all four match
   * the bytes are the verified ones and hashing (about a second for Trivy, Syft and Grype together)
   * is skipped.
   */
  verifiedStat?: string;
}

function statFingerprint(file: string): string {
  const info = statSync(file, { bigint: true });
  return `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

const MARKER = '.scanfold-install.json';
const INSTALL_TIMEOUT_MS = 45 * 60_000;

export function toolDir(toolCache: string, name: string, version: string): string {
  return path.join(toolCache, name, version);
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A cached install counts only if its marker matches the binary byte for byte. */
async function verifiedCacheEntry(dir: string, name: string): Promise<string | undefined> {
  const executable = path.join(dir, 'bin', name);
  if (!existsSync(executable)) return undefined;
  const markerFile = path.join(dir, MARKER);
  const stat = statFingerprint(executable);
  const recorded = existsSync(markerFile)
    ? (JSON.parse(await readFile(markerFile, 'utf8')) as InstallMarker)
    : undefined;
  if (recorded?.verifiedStat === stat) return executable;
  const actual = await sha256File(executable);
  if (!recorded) {
    // Placed by hand (e.g. a pre-seeded cache): adopt it, and from now on hold it to these bytes.
    await writeMarker(dir, {
      tool: name,
      version: path.basename(dir),
      source: 'registry',
      sha256: actual,
      verifiedStat: stat,
    });
    return executable;
  }
  if (!recorded || recorded.sha256 !== actual) return undefined;
  await writeMarker(dir, { ...recorded, verifiedStat: stat });
  return executable;
}

/** What the cached install was verified by; a binary placed by hand was verified by nothing. */
async function markerProvenance(dir: string): Promise<Provenance | undefined> {
  try {
    const marker = JSON.parse(await readFile(path.join(dir, MARKER), 'utf8')) as InstallMarker;
    return marker.provenance ?? { verifiedBy: 'unverified', sha256: marker.sha256 };
  } catch {
    return undefined;
  }
}

async function writeMarker(dir: string, marker: InstallMarker): Promise<void> {
  await writeFile(path.join(dir, MARKER), JSON.stringify(marker, null, 2) + '\n');
}

export interface DownloadRequest {
  name: string;
  release: Release;
  attempts: number;
  retryBaseMs: number;
  clock: Clock;
  logger: Logger;
}

/** GET a URL, retrying transient HTTP failures (429, 5xx, network) with backoff and Retry-After. */
async function fetchWithRetry(
  url: string,
  request: Omit<DownloadRequest, 'release'>,
): Promise<Buffer> {
  const { name } = request;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10 * 60_000) });
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = response.headers.get('retry-after');
        throw new TransientError(
          `HTTP ${response.status} from ${url}`,
          retryAfter
            ? parseRetryAfter(`retry-after: ${retryAfter}`, request.clock.now())
            : undefined,
        );
      }
      if (!response.ok)
        throw new InstallError(`${name}: download ${url} failed: HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      const transient =
        error instanceof TransientError ||
        (error instanceof TypeError && !(error instanceof InstallError));
      if (!transient || attempt >= request.attempts) {
        if (error instanceof InstallError) throw error;
        throw new InstallError(
          `${name}: download ${url} failed after ${attempt} attempts: ${errorMessage(error)}`,
        );
      }
      const delay = backoffDelay(
        { baseMs: request.retryBaseMs, capMs: 60_000 },
        attempt,
        request.clock,
        error instanceof TransientError ? error.retryAfterMs : undefined,
      );
      request.logger.warning(
        `${name}: download attempt ${attempt} failed (${errorMessage(error)}); retrying in ${delay} ms`,
      );
      await request.clock.sleep(delay);
    }
  }
}

/** The digest a `sha256sum`-style checksums file gives for `fileName`, if it lists it. */
export function checksumFor(checksums: string, fileName: string): string | undefined {
  for (const line of checksums.split(/\r?\n/)) {
    const match = /^([0-9a-fA-F]{64})\s+\*?(.+?)\s*$/.exec(line);
    if (match?.[2] === fileName) return match[1]?.toLowerCase();
  }
  return undefined;
}

export interface VerifiedDownload {
  body: Buffer;
  provenance: Provenance;
}

/**
 * Fetch a release and refuse it unless its SHA-256 matches the pinned value and/or the entry for
 * it in the release's checksums file (both, when both are given).
 */
export async function downloadVerified(request: DownloadRequest): Promise<VerifiedDownload> {
  const { release, name } = request;
  const body = await fetchWithRetry(release.url, request);
  const digest = createHash('sha256').update(body).digest('hex');
  if (release.sha256 !== undefined && digest !== release.sha256) {
    throw new InstallError(
      `${name}: checksum mismatch for ${release.url}: expected sha256 ${release.sha256}, got ${digest}; refusing to install`,
    );
  }
  if (release.checksums !== undefined) {
    const listing = (await fetchWithRetry(release.checksums, request)).toString('utf8');
    const fileName = decodeURIComponent(new URL(release.url).pathname.split('/').pop() ?? '');
    const listed = checksumFor(listing, fileName);
    if (listed === undefined)
      throw new InstallError(
        `${name}: ${release.checksums} does not list ${fileName}; refusing to install`,
      );
    if (listed !== digest)
      throw new InstallError(
        `${name}: checksum mismatch for ${release.url}: the release's checksums file says sha256 ${listed}, got ${digest}; refusing to install`,
      );
  }
  return {
    body,
    provenance: {
      verifiedBy: release.sha256 !== undefined ? 'pinned-sha256' : 'release-checksums',
      sha256: digest,
    },
  };
}

async function installFromRelease(
  name: string,
  release: Release,
  staging: string,
  options: InstallOptions,
): Promise<Provenance> {
  const { body, provenance } = await downloadVerified({
    name,
    release,
    attempts: options.downloadAttempts ?? 4,
    retryBaseMs: options.retryBaseMs ?? 1_000,
    clock: options.clock,
    logger: options.logger,
  });
  const bin = path.join(staging, 'bin');
  await mkdir(bin, { recursive: true });
  if (!release.binary) {
    await writeFile(path.join(bin, name), body);
  } else {
    const archive = path.join(staging, 'download.tar.gz');
    await writeFile(archive, body);
    const unpack = path.join(staging, 'unpack');
    await mkdir(unpack);
    const tar = await runProcess({
      command: 'tar',
      args: ['-xzf', archive, '-C', unpack],
      cwd: staging,
      timeoutMs: 300_000,
    });
    if (tar.exitCode !== 0)
      throw new InstallError(`${name}: cannot unpack ${release.url}: ${tar.stderrTail.join(' ')}`);
    await rename(path.join(unpack, release.binary), path.join(bin, name));
    await rm(unpack, { recursive: true, force: true });
    await rm(archive);
  }
  await chmod(path.join(bin, name), 0o755);
  return provenance;
}

async function run(
  command: string,
  args: string[],
  cwd: string,
  env?: Record<string, string>,
): Promise<string> {
  const result = await runProcess({ command, args, cwd, env, timeoutMs: INSTALL_TIMEOUT_MS });
  if (result.exitCode !== 0) {
    throw new InstallError(
      `${command} ${args.join(' ')} failed (${result.spawnError ?? `exit ${result.exitCode}`}): ${result.stderrTail.slice(-5).join(' | ')}`,
    );
  }
  return result.stdout;
}

async function installFromRegistry(
  name: string,
  source: RegistrySource,
  target: string,
): Promise<{ verifiedBy: Provenance['verifiedBy']; sha256?: string }> {
  const bin = path.join(target, 'bin');
  await mkdir(bin, { recursive: true });
  if (source.kind === 'pypi') {
    const venv = path.join(target, 'venv');
    await run('python3', ['-m', 'venv', venv], target);
    const pip = path.join(venv, 'bin', 'pip');
    const quiet = ['install', '--quiet', '--disable-pip-version-check'];
    if (source.requirements) {
      // Refuse up front, in one line, an interpreter for which the lock holds no wheel: pip would
      // otherwise fail deep in its resolver, or build an sdist with unverified build tools.
      const fit = await checkLockFit(path.join(venv, 'bin', 'python'), source.requirements);
      if (fit.unfit.length > 0)
        throw new InstallError(
          `${name}: the hash lock ${path.basename(source.requirements)} has no wheel for ${fit.interpreter} (${fit.unfit.join(', ')}); refusing to install unverified — use a platform and Python it covers (see its header)`,
        );
    }
    // Every distribution pinned by SHA-256, dependencies included: a changed wheel cannot slip in,
    // and a dependency missing from the lock fails the install instead of being fetched unpinned.
    // Wheels only: building an sdist would install build tools that no hash pins.
    await run(
      pip,
      source.requirements
        ? [...quiet, '--require-hashes', '--only-binary=:all:', '-r', source.requirements]
        : [...quiet, `${source.package}==${source.version}`],
      target,
    );
    await symlink(path.join(venv, 'bin', name), path.join(bin, name));
    // The digest recorded is the lock's: it names every distribution's hash.
    return source.requirements
      ? { verifiedBy: 'pip-require-hashes', sha256: await sha256File(source.requirements) }
      : { verifiedBy: 'unverified' };
  }
  const ldflags = `-s -w ${source.ldflags}`.trim();
  if (source.method === 'install') {
    const target = `${path.posix.join(source.module, source.package)}@${source.version}`;
    await run('go', ['install', '-trimpath', '-ldflags', ldflags, target], bin, {
      CGO_ENABLED: '0',
      GOBIN: bin,
      GOFLAGS: '',
      ...source.env,
    });
    // go install names the binary after the package path's last element, skipping a /vN suffix.
    const elements = path.posix.join(source.module, source.package).split('/');
    const last = elements.at(-1) ?? name;
    const binary = /^v\d+$/.test(last) && elements.length > 1 ? (elements.at(-2) ?? name) : last;
    const built = path.join(bin, binary);
    if (built !== path.join(bin, name)) await rename(built, path.join(bin, name));
    // go install verifies every module it downloads against go.sum and the checksum database.
    return { verifiedBy: 'go-sum' };
  }
  // go install refuses modules with replace directives, so build inside a copy of the module.
  const info = JSON.parse(
    await run('go', ['mod', 'download', '-json', `${source.module}@${source.version}`], target),
  ) as {
    Dir: string;
  };
  const work = await mkdtemp(path.join(os.tmpdir(), `scanfold-${name}-src-`));
  try {
    await cp(info.Dir, work, { recursive: true });
    await run('chmod', ['-R', 'u+w', work], target);
    await run(
      'go',
      ['build', '-trimpath', '-ldflags', ldflags, '-o', path.join(bin, name), source.package],
      work,
      {
        CGO_ENABLED: '0',
        GOFLAGS: '-mod=mod',
        ...source.env,
      },
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  // The go command checks every module it downloads against sum.golang.org (go.sum, GOSUMDB).
  return { verifiedBy: 'go-sum' };
}

/** PATH → verified cache → pinned release (SHA-256) → registry build. */
export async function ensureTool(
  name: string,
  spec: ToolSpec,
  options: InstallOptions,
): Promise<InstalledTool> {
  const base = { name, pinnedVersion: spec.version };
  if (!options.ignorePath) {
    const onPath = findOnPath(name);
    if (onPath) {
      // Not ours to verify, but the report still names exactly which bytes ran.
      const sha256 = await sha256File(onPath).catch(() => undefined);
      return {
        ...base,
        executable: onPath,
        source: 'path',
        ...(sha256 ? { provenance: { verifiedBy: 'unverified', sha256 } } : {}),
      };
    }
  }
  const dir = toolDir(options.toolCache, name, spec.version);
  const cached = await verifiedCacheEntry(dir, name);
  if (cached) {
    const provenance = await markerProvenance(dir);
    return { ...base, executable: cached, source: 'cache', ...(provenance ? { provenance } : {}) };
  }
  if (!options.allowInstall) {
    throw new InstallError(
      `${name}: not installed (not on PATH, not in ${dir}); run \`scanfold install --scanners ${name}\``,
    );
  }
  // Python venvs cannot be moved, so every install happens in its final directory and only the
  // marker, written last, makes it count.
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const errors: string[] = [];
  const release = spec.releases[options.platform ?? `${process.platform}-${os.arch()}`];
  let source: InstallSource | undefined;
  let provenance: Provenance | undefined;
  if (release) {
    try {
      options.logger.info(`${name}: downloading ${release.url}`);
      provenance = await installFromRelease(name, release, dir, options);
      source = 'download';
    } catch (error) {
      errors.push(errorMessage(error));
      options.logger.warning(
        `${errorMessage(error)}; falling back to the ${spec.registry.kind} registry`,
      );
    }
  }
  if (!source) {
    try {
      options.logger.info(
        `${name}: building ${spec.version} from the ${spec.registry.kind} registry`,
      );
      const installed = await installFromRegistry(name, spec.registry, dir);
      source = 'registry';
      provenance = { verifiedBy: installed.verifiedBy, sha256: installed.sha256 ?? '' };
    } catch (error) {
      errors.push(errorMessage(error));
      throw new InstallError(errors.join('; '));
    }
  }
  const executable = path.join(dir, 'bin', name);
  const sha256 = await sha256File(executable);
  // A registry install has no archive: its digest is the executable's (a venv's entry script).
  if (provenance && !provenance.sha256) provenance = { ...provenance, sha256 };
  await writeMarker(dir, { tool: name, version: spec.version, source, sha256, provenance });
  return { ...base, executable, source, ...(provenance ? { provenance } : {}) };
}
