import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactClient } from '@actions/artifact';
import type { Log } from 'sarif';
import { z } from 'zod';
import type { FailOn } from '../config/schema.ts';
import { assemble } from '../engine.ts';
import type { ScanOutcome } from '../engine.ts';
import { importDocument } from '../import/import.ts';
import { errorMessage } from '../model/errors.ts';
import { firstIssue, parseJsonText } from '../scanners/read-output.ts';
import type { Clock, Logger } from '../model/ports.ts';
import { ScannerReportSchema } from '../model/scan-result.ts';
import type { ScannerReport } from '../model/scan-result.ts';
import type { SarifInput, SbomInput } from '../model/inputs.ts';
import { SRCROOT } from '../outputs/sarif.ts';
import { OUTPUT_FILES } from '../outputs/write.ts';
import { ARTIFACT_TIMEOUT_MS, withDeadline } from './deadline.ts';
import type { Analysis } from './publish.ts';

/**
 * A bundle's JSON file, parsed and checked: one line naming the file and the field or the line and
 * column, never the file's text (JSON.parse quotes it, and it may hold a secret).
 */
async function readChecked<T>(file: string, label: string, schema: z.ZodType<T>): Promise<T> {
  const checked = schema.safeParse(parseJsonText(label, await readFile(file, 'utf8')));
  if (!checked.success) throw new Error(`${label}: ${firstIssue(checked.error)}`);
  return checked.data;
}

export const SHARD_PREFIX = 'scanfold-shard-';
export const SHARD_FILE = 'shard.json';

/** What a matrix leg says about itself in its bundle. */
export const ShardManifestSchema = z.object({
  schema: z.literal('scanfold-shard/1'),
  leg: z.string().min(1),
  scanners: z.array(z.string().min(1)),
  /** The scanned directory relative to the repository root ('' for the root). */
  scope: z.string(),
  category: z.string().optional(),
  status: z.enum(['ok', 'failed']),
  message: z.string().optional(),
  runAttempt: z.number().int().positive(),
  commit: z.string(),
  createdAt: z.string(),
});
export type ShardManifest = z.infer<typeof ShardManifestSchema>;

/** Artifact names may not hold " : < > | * ? \ / or newlines; leg names come from users. */
export function legName(raw: string): string {
  return raw.replace(/[^\w.+-]+/g, '-').replace(/^-+|-+$/g, '') || 'leg';
}

/** Artifacts are unique per run: a re-run attempt of a leg uploads beside the first one. */
export function shardArtifactName(leg: string, runAttempt: number): string {
  return `${SHARD_PREFIX}${leg}${runAttempt > 1 ? `--attempt-${runAttempt}` : ''}`;
}

async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  await walk(dir);
  return files.sort();
}

export interface ShardUploadRequest {
  client: ArtifactClient;
  outputDir: string;
  manifest: ShardManifest;
  retentionDays: number;
  logger: Logger;
}

/** `scan` mode: the leg's outputs (raw files, partial report.json, scanfold.sarif) plus shard.json. */
export async function uploadShardBundle(request: ShardUploadRequest): Promise<number | undefined> {
  await mkdir(request.outputDir, { recursive: true });
  const manifestFile = path.join(request.outputDir, SHARD_FILE);
  await writeFile(manifestFile, JSON.stringify(request.manifest, null, 2) + '\n');
  const files = await listFiles(request.outputDir);
  const name = shardArtifactName(request.manifest.leg, request.manifest.runAttempt);
  const uploaded = await request.client
    .uploadArtifact(name, files, request.outputDir, {
      // Only the aggregate job of this run reads it.
      retentionDays: Math.min(request.retentionDays, 7),
    })
    .catch((error: unknown) => {
      if (!/409|already exists/i.test(errorMessage(error))) throw error;
      throw new Error(
        `shard bundle ${name} already exists in this run: give each matrix leg its own \`shard\` name (e.g. shard: \${{ matrix.scanner }})`,
        { cause: error },
      );
    });
  request.logger.info(
    `shard bundle ${name}: ${files.length} files, ${uploaded.size ?? 0} bytes (${request.manifest.status}); the aggregate job publishes it`,
  );
  return uploaded.id;
}

interface LoadedShard {
  manifest: ShardManifest;
  artifact: string;
  dir: string;
}

const ShardReportSchema = z.looseObject({ scanners: z.array(ScannerReportSchema) });

/**
 * Every shard bundle of this run, latest attempt of each leg. Legs are sorted by name, so the
 * result does not depend on the order artifacts are listed or downloaded in.
 */
async function downloadShards(
  client: ArtifactClient,
  into: string,
  logger: Logger,
  problems: string[],
  timeoutMs: number,
): Promise<LoadedShard[]> {
  // The artifact client's Twirp calls have no timeout: a stalled service must not hold the job.
  const bounded = <T>(work: Promise<T>): Promise<T> =>
    withDeadline(
      work,
      timeoutMs,
      (ms) => `the artifact service gave no answer within ${ms / 1000} s`,
      logger,
    );
  const { artifacts } = await bounded(client.listArtifacts());
  const bundles = artifacts
    .filter((artifact) => artifact.name.startsWith(SHARD_PREFIX))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const latest = new Map<string, LoadedShard>();
  for (const artifact of bundles) {
    const dir = path.join(into, legName(artifact.name), String(artifact.id));
    try {
      await rm(dir, { recursive: true, force: true });
      await bounded(client.downloadArtifact(artifact.id, { path: dir }));
      const manifest = await readChecked(
        path.join(dir, SHARD_FILE),
        SHARD_FILE,
        ShardManifestSchema,
      );
      const known = latest.get(manifest.leg);
      if (!known || known.manifest.runAttempt < manifest.runAttempt)
        latest.set(manifest.leg, { manifest, artifact: artifact.name, dir });
    } catch (error) {
      const message = `shard bundle ${artifact.name}: unreadable (${errorMessage(error)})`;
      logger.error(message);
      problems.push(message);
    }
  }
  return [...latest.values()].sort((a, b) => a.manifest.leg.localeCompare(b.manifest.leg));
}

/** A shard's own scanfold.sarif, its URIs based at the aggregate's copy of the leg's directory. */
function rebasedSarif(log: Log, workspace: string, scope: string): Log {
  const base = pathToFileURL(path.join(workspace, scope).replace(/\/?$/, '/')).href;
  return {
    ...log,
    runs: log.runs.map((run) => ({ ...run, originalUriBaseIds: { [SRCROOT]: { uri: base } } })),
  };
}

export interface AggregateRequest {
  client: ArtifactClient;
  workspace: string;
  outputDir: string;
  failOn: FailOn;
  /** Legs expected in this run; one without a bundle is reported as failed. */
  expectedLegs: readonly string[];
  /** Baseline, suppressions, licence policy: applied once, over every leg. */
  policy?: Parameters<typeof assemble>[0]['policy'];
  clock?: Clock;
  logger: Logger;
  /** Longest the artifact service may leave a listing or a download unanswered. Default 5 min. */
  artifactTimeoutMs?: number;
}

export interface AggregateOutcome {
  outcome: ScanOutcome;
  /** One per shard: code scanning keeps a category per leg. */
  analyses: Analysis[];
  legs: { leg: string; status: string; attempt: number }[];
  /** The commit every leg scanned, when they agree (the aggregate job may have no checkout). */
  commit: string | undefined;
}

function tagged(report: ScannerReport, leg: string): ScannerReport {
  return { ...report, notes: [...(report.notes ?? []), `shard ${leg}`] };
}

/**
 * `aggregate` mode: list and download every shard bundle of the run, import each leg's merged
 * SARIF and SBOM through the same import and assemble path as `scanfold merge`, and produce one
 * outcome. A failed or missing leg is named; its scanners count as failed.
 */
export async function aggregateShards(request: AggregateRequest): Promise<AggregateOutcome> {
  const { logger } = request;
  const errors: string[] = [];
  const downloads = await mkdtemp(
    path.join(process.env.RUNNER_TEMP ?? os.tmpdir(), 'scanfold-shards-'),
  );
  const shards = await downloadShards(
    request.client,
    downloads,
    logger,
    errors,
    request.artifactTimeoutMs ?? ARTIFACT_TIMEOUT_MS,
  );
  const sarif: SarifInput[] = [];
  const sboms: SbomInput[] = [];
  const scanners: ScannerReport[] = [];
  const analyses: Analysis[] = [];
  for (const { manifest, artifact, dir } of shards) {
    if (manifest.status === 'failed') {
      const message = `shard ${manifest.leg} failed: ${manifest.message ?? 'no reason given'}`;
      errors.push(message);
      logger.error(message);
      for (const name of manifest.scanners)
        scanners.push({
          name,
          status: 'failed',
          attempts: 0,
          durationMs: 0,
          findings: 0,
          outputs: [],
          message: `shard ${manifest.leg} failed`,
        });
      continue;
    }
    try {
      const report = await readChecked(
        path.join(dir, OUTPUT_FILES.report),
        OUTPUT_FILES.report,
        ShardReportSchema,
      );
      scanners.push(...report.scanners.map((s) => tagged(s, manifest.leg)));
      const sarifFile = path.join(dir, OUTPUT_FILES.sarif);
      const imported = importDocument(
        `${manifest.leg}/${OUTPUT_FILES.sarif}`,
        await readFile(sarifFile, 'utf8'),
      );
      if (imported.kind !== 'sarif') throw new Error(`${OUTPUT_FILES.sarif} is not SARIF`);
      const log = rebasedSarif(imported.input.log, request.workspace, manifest.scope);
      for (const [index, run] of log.runs.entries()) {
        const tool = /^scanfold\/([^/]+)\//.exec(run.automationDetails?.id ?? '')?.[1];
        sarif.push({
          file: `${manifest.leg}/${OUTPUT_FILES.sarif}#${index}`,
          log: { ...log, runs: [run] },
          ...(tool ? { tool } : {}),
        });
      }
      const failedTools = report.scanners
        .filter((s) => s.status === 'failed' || s.status === 'timed-out')
        .map((s) => s.name);
      analyses.push({
        sarif: imported.input.log,
        scope: manifest.scope,
        category: manifest.category,
        // Legs may scan one scope with one tool (split by image, say): the leg's name keeps their
        // analyses apart when no category was given.
        variant: manifest.leg,
        failedTools,
      });
      const sbomFile = path.join(dir, OUTPUT_FILES.sbom);
      const sbomText = await readFile(sbomFile, 'utf8').catch(() => undefined);
      if (sbomText !== undefined) {
        const bom = importDocument(`${manifest.leg}/${OUTPUT_FILES.sbom}`, sbomText);
        if (bom.kind === 'sbom') sboms.push(bom.input);
      }
      logger.info(`shard ${manifest.leg} (attempt ${manifest.runAttempt}, ${artifact}): imported`);
    } catch (error) {
      const message = `shard ${manifest.leg}: bundle ${artifact} is unusable (${errorMessage(error)})`;
      errors.push(message);
      logger.error(message);
    }
  }
  const found = new Set(shards.map((s) => s.manifest.leg));
  for (const leg of request.expectedLegs.map(legName))
    if (!found.has(leg)) {
      const message = `shard ${leg}: no bundle in this run (the leg failed, timed out or was cancelled before uploading)`;
      errors.push(message);
      logger.error(message);
    }
  if (shards.length === 0 && request.expectedLegs.length === 0) {
    const message = `no shard bundles (${SHARD_PREFIX}*) in this run: did the scan legs run with mode: scan?`;
    errors.push(message);
    logger.error(message);
  }
  await rm(downloads, { recursive: true, force: true });
  const outcome = await assemble({
    root: request.workspace,
    outputDir: request.outputDir,
    failOn: request.failOn,
    scanners,
    sarif,
    sboms,
    errors,
    logger,
    ...(request.policy ? { policy: request.policy } : {}),
    ...(request.clock ? { clock: request.clock } : {}),
  });
  const commits = new Set(shards.map((s) => s.manifest.commit).filter(Boolean));
  if (commits.size > 1)
    logger.warning(
      `shards scanned different commits (${[...commits].join(', ')}); links use this job's`,
    );
  return {
    outcome,
    analyses,
    commit: commits.size === 1 ? [...commits][0] : undefined,
    legs: shards.map((s) => ({
      leg: s.manifest.leg,
      status: s.manifest.status,
      attempt: s.manifest.runAttempt,
    })),
  };
}
