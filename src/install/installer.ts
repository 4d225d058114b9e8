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

export type InstallSource = 'path' | 'cache' | 'download' | 'registry';

export interface InstalledTool {
  name: string;
  executable: string;
  source: InstallSource;
  pinnedVersion: string;
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

/** Fetch a release, retrying transient HTTP failures, and refuse it unless the SHA-256 matches. */
export async function downloadVerified(request: DownloadRequest): Promise<Buffer> {
  const { release, name } = request;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(release.url, { signal: AbortSignal.timeout(10 * 60_000) });
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = response.headers.get('retry-after');
        throw new TransientError(
          `HTTP ${response.status} from ${release.url}`,
          retryAfter
            ? parseRetryAfter(`retry-after: ${retryAfter}`, request.clock.now())
            : undefined,
        );
      }
      if (!response.ok)
        throw new InstallError(`${name}: download ${release.url} failed: HTTP ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      const digest = createHash('sha256').update(body).digest('hex');
      if (digest !== release.sha256) {
        throw new InstallError(
          `${name}: checksum mismatch for ${release.url}: expected sha256 ${release.sha256}, got ${digest}; refusing to install`,
        );
      }
      return body;
    } catch (error) {
      const transient =
        error instanceof TransientError ||
        (error instanceof TypeError && !(error instanceof InstallError));
      if (!transient || attempt >= request.attempts) {
        if (error instanceof InstallError) throw error;
        throw new InstallError(
          `${name}: download ${release.url} failed after ${attempt} attempts: ${errorMessage(error)}`,
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

async function installFromRelease(
  name: string,
  release: Release,
  staging: string,
  options: InstallOptions,
): Promise<void> {
  const body = await downloadVerified({
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
): Promise<void> {
  const bin = path.join(target, 'bin');
  await mkdir(bin, { recursive: true });
  if (source.kind === 'pypi') {
    const venv = path.join(target, 'venv');
    await run('python3', ['-m', 'venv', venv], target);
    await run(
      path.join(venv, 'bin', 'pip'),
      ['install', '--quiet', '--disable-pip-version-check', `${source.package}==${source.version}`],
      target,
    );
    await symlink(path.join(venv, 'bin', name), path.join(bin, name));
    return;
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
    return;
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
    if (onPath) return { ...base, executable: onPath, source: 'path' };
  }
  const dir = toolDir(options.toolCache, name, spec.version);
  const cached = await verifiedCacheEntry(dir, name);
  if (cached) return { ...base, executable: cached, source: 'cache' };
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
  if (release) {
    try {
      options.logger.info(`${name}: downloading ${release.url}`);
      await installFromRelease(name, release, dir, options);
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
      await installFromRegistry(name, spec.registry, dir);
      source = 'registry';
    } catch (error) {
      errors.push(errorMessage(error));
      throw new InstallError(errors.join('; '));
    }
  }
  const executable = path.join(dir, 'bin', name);
  await writeMarker(dir, {
    tool: name,
    version: spec.version,
    source,
    sha256: await sha256File(executable),
  });
  return { ...base, executable, source };
}
