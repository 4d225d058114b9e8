import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';
import type { Report } from '../model/scan-result.ts';
import type { GitHubContext } from './context.ts';

/**
 * @actions/artifact refuses GitHub Enterprise Server (its v4 artifact service is github.com's):
 * the same host test it applies, so the step can skip with one line instead of an error.
 */
export function isGhes(serverUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}

/** What the artifact client will really keep it for: the request, capped by GITHUB_RETENTION_DAYS. */
export function effectiveRetention(requested: number, repositoryMax: number | undefined): number {
  return repositoryMax !== undefined && repositoryMax < requested ? repositoryMax : requested;
}

async function listFiles(dir: string, skip: (name: string) => boolean): Promise<string[]> {
  const files: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && !skip(full)) files.push(full);
    }
  };
  await walk(dir);
  return files.sort();
}

/** manifest.json: SHA-256 of every file, the commit and the tools, so an auditor can verify the set. */
async function writeManifest(
  outputDir: string,
  report: Report,
  context: GitHubContext,
  commit: string,
): Promise<string[]> {
  const manifestFile = path.join(outputDir, 'manifest.json');
  const files = await listFiles(outputDir, (file) => file === manifestFile);
  const hashes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const file of files)
    hashes[path.relative(outputDir, file).split(path.sep).join('/')] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  const tools: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const s of report.scanners) tools[s.name] = { version: s.version ?? null, status: s.status };
  const manifest = {
    generatedAt: new Date().toISOString(),
    repository: `${context.owner}/${context.repo}`,
    commit,
    ref: context.ref,
    runId: context.runId,
    runAttempt: context.runAttempt,
    tools,
    files: hashes,
  };
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return [...files, manifestFile];
}

export interface ComplianceArtifactRequest {
  client: ArtifactClient;
  context: GitHubContext;
  outputDir: string;
  report: Report;
  commit: string;
  name: string;
  retentionDays: number;
  /** This matrix leg's key, when the job is a matrix: part of the fallback name. */
  matrixKey?: string | undefined;
  logger: Logger;
}

/** Upload every output file plus a manifest; returns the artifact id, or undefined when skipped. */
export async function uploadComplianceArtifact(
  request: ComplianceArtifactRequest,
): Promise<number | undefined> {
  const { context, logger } = request;
  if (isGhes(context.serverUrl)) {
    logger.info(
      `compliance artifact: skipped on GitHub Enterprise Server (${context.serverUrl}), which @actions/artifact does not support; the files are in ${request.outputDir}`,
    );
    return undefined;
  }
  const files = await writeManifest(request.outputDir, request.report, context, request.commit);
  // Artifacts are immutable and unique per run: a re-run attempt gets its own name.
  const name =
    context.runAttempt > 1 ? `${request.name}-attempt-${context.runAttempt}` : request.name;
  const retentionDays = effectiveRetention(request.retentionDays, context.retentionDays);
  const upload = async (artifactName: string): Promise<number | undefined> => {
    const uploaded = await request.client.uploadArtifact(artifactName, files, request.outputDir, {
      retentionDays,
    });
    const expires = new Date(Date.now() + retentionDays * 86_400_000).toISOString().slice(0, 10);
    logger.info(
      `compliance artifact ${artifactName}: ${files.length} files, ${uploaded.size ?? 0} bytes, kept ${retentionDays} days (until ${expires})${retentionDays < request.retentionDays ? `; ${request.retentionDays} were asked for, the repository allows at most ${retentionDays}` : ''}`,
    );
    return uploaded.id;
  };
  try {
    return await upload(name);
  } catch (error) {
    if (!taken(error)) throw error;
  }
  // Another job (or matrix leg) in this run took the name: keep both, naming this one after its
  // job, the directory it scanned, its scanners and its matrix values, which differ between legs.
  // Legs alike in all of these still get their own: -2, -3 … a few times.
  const leg = createHash('sha256')
    .update(
      JSON.stringify([
        request.report.root,
        request.report.scanners.map((s) => s.name).sort(),
        request.matrixKey ?? '',
      ]),
    )
    .digest('hex')
    .slice(0, 8);
  const fallback = `${name}-${context.job}-${leg}`;
  for (let attempt = 1; attempt <= FALLBACK_ATTEMPTS; attempt++) {
    const candidate = attempt === 1 ? fallback : `${fallback}-${attempt}`;
    try {
      const id = await upload(candidate);
      logger.warning(`artifact name ${name} is taken in this run; uploaded as ${candidate}`);
      return id;
    } catch (error) {
      if (!taken(error) || attempt === FALLBACK_ATTEMPTS) throw error;
    }
  }
  return undefined;
}

/** Names tried after the first is taken: the fallback, then -2 … -5. */
const FALLBACK_ATTEMPTS = 5;

/** The artifact service's answer when the name is used in this run already. */
function taken(error: unknown): boolean {
  return /409|already exists/i.test(errorMessage(error));
}
