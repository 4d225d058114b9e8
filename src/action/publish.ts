import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Log } from 'sarif';
import { z } from 'zod';
import type { ActionInputs } from './inputs.ts';
import type { ScanOutcome } from '../engine.ts';
import { errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';
import type { Report } from '../model/scan-result.ts';
import { renderMarkdown } from '../outputs/markdown.ts';
import type { MarkdownLinks } from '../outputs/markdown.ts';
import { planUploads } from '../outputs/upload-plan.ts';

export const STEP_SUMMARY_LIMIT = 1024 * 1024;
const FINGERPRINTS_KEPT = 2_000;

const EventRepoSchema = z.looseObject({ full_name: z.string() });
const EventSchema = z.looseObject({
  pull_request: z
    .looseObject({
      number: z.number().int(),
      head: z.looseObject({ sha: z.string(), repo: EventRepoSchema.nullish() }),
      base: z.looseObject({ repo: EventRepoSchema }),
    })
    .optional(),
});

/**
 * A PR from another repository gets a read-only token. `head.repo.fork` is not the test: it is
 * true for every branch of a repository that is itself a fork. A deleted head repository is null.
 */
function isForkPullRequest(pr: NonNullable<z.infer<typeof EventSchema>['pull_request']>): boolean {
  return !pr.head.repo || pr.head.repo.full_name !== pr.base.repo.full_name;
}

export interface GitHubContext {
  apiUrl: string;
  serverUrl: string;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  eventName: string;
  runId: string;
  runAttempt: number;
  workflow: string;
  job: string;
  workspace: string;
  pullRequest: { number: number; headSha: string; fork: boolean } | undefined;
}

export async function readContext(env: NodeJS.ProcessEnv): Promise<GitHubContext> {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/');
  let pullRequest: GitHubContext['pullRequest'];
  if (env.GITHUB_EVENT_PATH) {
    try {
      const event = EventSchema.parse(JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')));
      if (event.pull_request) {
        pullRequest = {
          number: event.pull_request.number,
          headSha: event.pull_request.head.sha,
          fork: isForkPullRequest(event.pull_request),
        };
      }
    } catch {
      /* no readable event: not a pull request */
    }
  }
  return {
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    eventName: env.GITHUB_EVENT_NAME ?? '',
    runId: env.GITHUB_RUN_ID ?? '0',
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? '1') || 1,
    workflow: env.GITHUB_WORKFLOW ?? 'workflow',
    job: env.GITHUB_JOB ?? 'job',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    pullRequest,
  };
}

type Octokit = ReturnType<typeof getOctokit>;

export interface PublishRequest {
  outcome: ScanOutcome;
  inputs: ActionInputs;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** Delay between code-scanning status polls (tests shorten it). */
  pollIntervalMs?: number;
}

export interface PublishResult {
  commentUrl: string | undefined;
  artifactId: number | undefined;
  newFindings: number | undefined;
  uploads: { id: string; tools: string[]; status: string }[];
  warnings: string[];
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** Log the wait and retry a limited number of times; the plugin waits for Retry-After itself. */
function rateLimitHandler(kind: string, maxRetries: number, logger: Logger) {
  return (
    retryAfter: number,
    options: { method: string; url: string },
    _octokit: unknown,
    retryCount: number,
  ): boolean => {
    logger.warning(
      `GitHub ${kind} on ${options.method} ${options.url}; retrying after ${retryAfter} s`,
    );
    return retryCount < maxRetries;
  };
}

function createOctokit(token: string, context: GitHubContext, logger: Logger): Octokit {
  return getOctokit(
    token,
    {
      baseUrl: context.apiUrl,
      // 429 is left to the throttling plugin, which honours Retry-After; other 4xx are final.
      retry: { doNotRetry: [400, 401, 403, 404, 410, 413, 422, 429, 451] },
      throttle: {
        onRateLimit: rateLimitHandler('rate limit', 3, logger),
        onSecondaryRateLimit: rateLimitHandler('secondary rate limit', 2, logger),
      },
    },
    retry,
    throttling,
  );
}

/**
 * One sticky comment per workflow, job and scanned directory: matrix legs share GITHUB_JOB, and
 * legs that scan different directories must not overwrite each other's comment.
 */
export function stickyMarker(context: GitHubContext, scannedRoot: string): string {
  const scope = path.relative(context.workspace, scannedRoot).split(path.sep).join('/');
  const key = `${context.workflow}/${context.job}${scope && scope !== '.' ? `:${scope}` : ''}`;
  return `<!-- scanfold:sticky ${key.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`;
}

const FINGERPRINT_COMMENT = /<!-- scanfold:fingerprints ([0-9a-f,]*) -->/;

function shortFingerprints(report: Report): string[] {
  return [...new Set(report.findings.map((finding) => finding.fingerprint.slice(0, 16)))].sort();
}

function links(context: GitHubContext, artifactId: number | undefined): MarkdownLinks {
  const repoUrl = `${context.serverUrl}/${context.owner}/${context.repo}`;
  const runUrl = `${repoUrl}/actions/runs/${context.runId}`;
  return {
    blobBase: `${repoUrl}/blob/${context.pullRequest?.headSha ?? context.sha}`,
    runUrl,
    codeScanningUrl: `${repoUrl}/security/code-scanning${context.pullRequest ? `?query=pr%3A${context.pullRequest.number}` : ''}`,
    ...(artifactId ? { artifactUrl: `${runUrl}/artifacts/${artifactId}` } : {}),
  };
}

type IssueComment = Awaited<ReturnType<Octokit['rest']['issues']['listComments']>>['data'][number];

/**
 * The sticky comment is ours only if we wrote it: anyone can paste the marker (and fake the
 * fingerprints behind the "new since last push" count). GITHUB_TOKEN and app tokens comment as a
 * bot; a personal token comments as its owner, whom GET /user names (it 403s for GITHUB_TOKEN).
 */
async function ownStickyComment(
  octokit: Octokit,
  comments: readonly IssueComment[],
  marker: string,
): Promise<IssueComment | undefined> {
  const marked = comments.filter((comment) => comment.body?.includes(marker));
  const byBot = marked.find((comment) => comment.user?.type === 'Bot');
  if (byBot || marked.length === 0) return byBot;
  const login = await octokit.rest.users.getAuthenticated().then(
    (response) => response.data.login,
    () => undefined,
  );
  return login ? marked.find((comment) => comment.user?.login === login) : undefined;
}

async function upsertComment(
  octokit: Octokit,
  context: GitHubContext,
  report: Report,
  artifactId: number | undefined,
  notices: string[],
): Promise<{ url: string; updated: boolean; newFindings: number | undefined }> {
  const pr = context.pullRequest;
  if (!pr) throw new Error('not a pull request');
  const marker = stickyMarker(context, report.root);
  // Every page: a sticky comment past the first 100 must still be found, or each push adds one.
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: context.owner,
    repo: context.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  const existing = await ownStickyComment(octokit, comments, marker);
  const current = shortFingerprints(report);
  const previous = existing?.body
    ? FINGERPRINT_COMMENT.exec(existing.body)?.[1]?.split(',').filter(Boolean)
    : undefined;
  let delta: { new: number; fixed: number; open: number } | undefined;
  if (previous) {
    const before = new Set(previous);
    const now = new Set(current);
    delta = {
      new: current.filter((f) => !before.has(f)).length,
      fixed: previous.filter((f) => !now.has(f)).length,
      open: current.filter((f) => before.has(f)).length,
    };
  }
  const fingerprintLine = `<!-- scanfold:fingerprints ${current.slice(0, FINGERPRINTS_KEPT).join(',')} -->`;
  const header = `${marker}\n${fingerprintLine}`;
  const body = renderMarkdown(report, {
    header,
    links: links(context, artifactId),
    notices,
    ...(delta ? { delta } : {}),
  });
  if (existing) {
    const updated = await octokit.rest.issues.updateComment({
      owner: context.owner,
      repo: context.repo,
      comment_id: existing.id,
      body,
    });
    return { url: updated.data.html_url, updated: true, newFindings: delta?.new };
  }
  const created = await octokit.rest.issues.createComment({
    owner: context.owner,
    repo: context.repo,
    issue_number: pr.number,
    body,
  });
  return { url: created.data.html_url, updated: false, newFindings: undefined };
}

/**
 * Poll until GitHub has processed an upload. The upload itself already succeeded: a failing status
 * check is a warning, never a failed upload (GitHub may answer 404 for a moment after accepting it).
 */
async function processingStatus(
  octokit: Octokit,
  context: GitHubContext,
  id: string,
  request: PublishRequest,
): Promise<string> {
  let status = 'pending';
  for (let poll = 0; poll < 10 && id; poll++) {
    try {
      const processing = await octokit.rest.codeScanning.getSarif({
        owner: context.owner,
        repo: context.repo,
        sarif_id: id,
      });
      status = processing.data.processing_status ?? 'unknown';
      if (status === 'failed')
        request.logger.warning(
          `code scanning: GitHub could not process upload ${id}: ${(processing.data.errors ?? []).join('; ') || 'no reason given'}`,
        );
    } catch (error) {
      request.logger.warning(
        `code scanning: upload ${id} accepted, but its processing status is unknown: ${errorMessage(error)}`,
      );
      return 'unknown';
    }
    if (status !== 'pending') break;
    await new Promise((resolve) => setTimeout(resolve, request.pollIntervalMs ?? 5_000));
  }
  return status;
}

async function uploadSarif(
  octokit: Octokit,
  context: GitHubContext,
  merged: Log,
  excludedTools: readonly string[],
  request: PublishRequest,
): Promise<PublishResult['uploads']> {
  // What GitHub's limits leave out was planned, logged and recorded in report.truncated by the
  // engine; this plan only drops failed scanners and builds the payloads.
  // A failed scanner's empty run would close that tool's open alerts, so it is not uploaded at all.
  const runs = merged.runs.filter(
    (run) =>
      !excludedTools.some((tool) => run.automationDetails?.id?.startsWith(`scanfold/${tool}/`)),
  );
  const plan = planUploads({ ...merged, runs });
  const uploads: PublishResult['uploads'] = [];
  for (const payload of plan.payloads) {
    const response = await octokit.rest.codeScanning.uploadSarif({
      owner: context.owner,
      repo: context.repo,
      commit_sha: context.sha,
      ref: context.ref,
      sarif: payload.gzipped.toString('base64'),
      checkout_uri: `file://${context.workspace}`,
      tool_name: 'scanfold',
    });
    const id = response.data.id ?? '';
    const status = await processingStatus(octokit, context, id, request);
    request.logger.info(
      `code scanning: uploaded ${payload.tools.join(', ')} (${payload.gzipBytes} bytes gzipped): ${status}`,
    );
    uploads.push({ id, tools: payload.tools, status });
  }
  return uploads;
}

async function writeArtifactManifest(
  outcome: ScanOutcome,
  context: GitHubContext,
): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && entry.name !== 'manifest.json') files.push(full);
    }
  };
  await walk(outcome.outputDir);
  const hashes: Record<string, string> = {};
  for (const file of files.sort())
    hashes[path.relative(outcome.outputDir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  const manifest = {
    generatedAt: new Date().toISOString(),
    repository: `${context.owner}/${context.repo}`,
    commit: context.sha,
    ref: context.ref,
    runId: context.runId,
    runAttempt: context.runAttempt,
    tools: Object.fromEntries(
      outcome.report.scanners.map((s) => [
        s.name,
        { version: s.version ?? null, status: s.status },
      ]),
    ),
    files: hashes,
  };
  const manifestFile = path.join(outcome.outputDir, 'manifest.json');
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return [...files, manifestFile];
}

async function uploadArtifact(
  outcome: ScanOutcome,
  context: GitHubContext,
  inputs: ActionInputs,
  logger: Logger,
): Promise<number | undefined> {
  const files = await writeArtifactManifest(outcome, context);
  const base = inputs['artifact-name'] ?? 'scanfold-report';
  // Artifacts are immutable and unique per run: a re-run attempt gets its own name.
  const name = context.runAttempt > 1 ? `${base}-attempt-${context.runAttempt}` : base;
  const client = new DefaultArtifactClient();
  const retentionDays = inputs['retention-days'] ?? 90;
  try {
    const uploaded = await client.uploadArtifact(name, files, outcome.outputDir, { retentionDays });
    logger.info(
      `artifact ${name}: ${files.length} files, ${uploaded.size ?? 0} bytes, retention ${retentionDays} days`,
    );
    return uploaded.id;
  } catch (error) {
    if (!/409|already exists/i.test(errorMessage(error))) throw error;
    // Another job (or matrix leg) in this run took the name: keep both, naming this one after its
    // job and the directory it scanned, which differ between legs.
    const scope = createHash('sha256').update(outcome.report.root).digest('hex').slice(0, 8);
    const fallback = `${name}-${context.job}-${scope}`;
    logger.warning(`artifact name ${name} is taken in this run; uploading as ${fallback}`);
    const uploaded = await client.uploadArtifact(fallback, files, outcome.outputDir, {
      retentionDays,
    });
    return uploaded.id;
  }
}

async function writeSummary(render: (maxLength: number) => string, logger: Logger): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  // Over 1 MiB (bytes) GitHub drops the summary with only an annotation. renderMarkdown counts
  // UTF-16 units, at most 3 bytes each in UTF-8: re-render smaller rather than cut mid-table.
  const full = render(STEP_SUMMARY_LIMIT);
  const text =
    Buffer.byteLength(full) > STEP_SUMMARY_LIMIT
      ? render(Math.floor(STEP_SUMMARY_LIMIT / 3))
      : full;
  try {
    await core.summary.addRaw(text, true).write();
  } catch (error) {
    logger.warning(`job summary not written: ${errorMessage(error)}`);
  }
}

/** Comment, code scanning, summary, artifact. Publishing problems become warnings, never lost results. */
export async function publish(request: PublishRequest): Promise<PublishResult> {
  const { outcome, inputs, logger } = request;
  const context = await readContext(request.env ?? process.env);
  const result: PublishResult = {
    commentUrl: undefined,
    artifactId: undefined,
    newFindings: undefined,
    uploads: [],
    warnings: [],
  };
  const warn = (message: string): void => {
    result.warnings.push(message);
    logger.warning(message);
  };
  const token = inputs['github-token'];
  const octokit = token ? createOctokit(token, context, logger) : undefined;
  const failedTools = outcome.report.scanners
    .filter((s) => s.status === 'failed' || s.status === 'timed-out')
    .map((s) => s.name);

  const wantsUpload =
    inputs['upload-sarif'] === 'true' ||
    ((inputs['upload-sarif'] ?? 'auto') === 'auto' && !context.pullRequest?.fork);
  if (octokit && !wantsUpload && inputs['upload-sarif'] !== 'false') {
    logger.info(
      'code scanning: not uploaded from a fork PR (its token cannot write security events); set upload-sarif: true to try anyway',
    );
  }
  if (octokit && wantsUpload && inputs['upload-sarif'] !== 'false') {
    try {
      result.uploads = await uploadSarif(octokit, context, outcome.sarif, failedTools, request);
    } catch (error) {
      const status = httpStatus(error);
      warn(
        status === 403
          ? `code scanning upload refused (403: ${errorMessage(error)}): the token needs \`security-events: write\` and code scanning must be enabled; fork PRs never have it`
          : `code scanning upload failed: ${errorMessage(error)}`,
      );
    }
  }

  try {
    result.artifactId = await uploadArtifact(outcome, context, inputs, logger);
  } catch (error) {
    warn(`compliance artifact not uploaded: ${errorMessage(error)}`);
  }

  const mode = inputs.comment ?? 'auto';
  const notices: string[] = failedTools.length
    ? [`Not uploaded to code scanning: ${failedTools.join(', ')} (failed or timed out).`]
    : [];
  if (octokit && context.pullRequest && mode !== 'never') {
    try {
      const comment = await upsertComment(
        octokit,
        context,
        outcome.report,
        result.artifactId,
        notices,
      );
      logger.info(`PR comment: ${comment.updated ? 'updated' : 'created'} ${comment.url}`);
      result.commentUrl = comment.url;
      result.newFindings = comment.newFindings;
    } catch (error) {
      const status = httpStatus(error);
      warn(
        status === 403
          ? `PR comment not posted (403: ${errorMessage(error)}): the token needs \`pull-requests: write\`; on fork PRs it is read-only, so the report is in the job summary instead`
          : `PR comment not posted: ${errorMessage(error)}`,
      );
    }
  } else if (mode === 'always' && !context.pullRequest) {
    logger.info(
      'comment: always, but this run is not for a pull request; the report is in the job summary',
    );
  }

  const summaryOptions = {
    links: links(context, result.artifactId),
    notices: [...notices, ...result.warnings],
  };
  await writeSummary(
    (maxLength) => renderMarkdown(outcome.report, { ...summaryOptions, maxLength }),
    logger,
  );
  return result;
}
