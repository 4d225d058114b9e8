import path from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import type { Log } from 'sarif';
import type { ScanOutcome } from '../engine.ts';
import { errorMessage } from '../model/errors.ts';
import type { Clock, Logger } from '../model/ports.ts';
import { renderMarkdown } from '../outputs/markdown.ts';
import { uploadComplianceArtifact } from './artifact.ts';
import { ARTIFACT_TIMEOUT_MS, withDeadline } from './deadline.ts';
import { httpStatus, rateLimitOf, rateLimitedUntil, rejectedCredentials } from './client.ts';
import type { Octokit } from './client.ts';
import { publishComment, stickyMarker } from './comment.ts';
import { uploadToCodeScanning } from './code-scanning.ts';
import type { UploadOutcome } from './code-scanning.ts';
import { resolveAnalysisTarget } from './context.ts';
import type { GitHubContext } from './context.ts';
import { reportLinks } from './links.ts';
import { writeSummary } from './summary.ts';
import { planUploads } from './upload-plan.ts';

/** One analysis to file in code scanning: a full scan, or one shard of a matrix. */
export interface Analysis {
  sarif: Log;
  /** Scanned directory relative to the repository root ('' for the root). */
  scope: string;
  category?: string | undefined;
  /**
   * Keeps this analysis apart from the other legs of a matrix when no category is given: the
   * matrix key (full mode) or the leg's name (aggregate mode). Unset outside a matrix.
   */
  variant?: string | undefined;
  /** Scanners that failed or timed out: their runs are not uploaded (an empty run closes alerts). */
  failedTools: readonly string[];
}

export interface PublishSettings {
  comment: 'auto' | 'always' | 'never';
  uploadSarif: 'auto' | 'true' | 'false';
  ref?: string | undefined;
  sha?: string | undefined;
  artifactName: string;
  retentionDays: number;
  pollIntervalMs: number;
  /** Longest wait for GitHub to process every upload, all together; 2 minutes by default. */
  processingTimeoutMs?: number;
  /** This matrix leg's key (`matrix-<hash>`), when the job is a matrix: the artifact's fallback name. */
  matrixKey?: string | undefined;
  /**
   * Longest the compliance artifact upload may take before publishing moves on without it. Its
   * Twirp calls have no timeout of their own: a stalled artifact service would hold the comment
   * and the summary back until the job's own timeout. Default 5 minutes.
   */
  artifactTimeoutMs?: number;
}

export interface PublishRequest {
  outcome: ScanOutcome;
  analyses: readonly Analysis[];
  /** The comment's scope: legs scanning different directories keep separate comments. */
  scope: string;
  context: GitHubContext;
  /** The commit checked out in the workspace (git HEAD), when readable. */
  head: string | undefined;
  octokit: Octokit | undefined;
  artifactClient: ArtifactClient;
  settings: PublishSettings;
  logger: Logger;
  clock: Clock;
}

export interface PublishResult {
  commentUrl: string | undefined;
  artifactId: number | undefined;
  newFindings: number | undefined;
  uploads: UploadOutcome[];
  warnings: string[];
  /**
   * Set when GitHub rejected the token (401): nothing else will be accepted with it, so the code
   * scanning upload and the comment are not published, and the step should fail with this line.
   */
  credentialsRejected: string | undefined;
}

/** The one line for a rejected token: what it means, what was not published, where the results are. */
function credentialsLine(
  reason: string,
  request: PublishRequest,
  lost: readonly string[],
  artifactId: number | undefined,
): string {
  const consequence = lost.length
    ? `${lost.join(' and ')} ${lost.length > 1 ? 'were' : 'was'} not published`
    : 'nothing could be read from it';
  const where = [
    path.relative(request.context.workspace, request.outcome.outputDir) || '.',
    'the job summary',
    ...(artifactId === undefined ? [] : ['the compliance artifact']),
  ];
  return `GitHub rejected github-token (401: ${reason}): it is invalid, expired or revoked, so ${consequence}; the results are in ${where.join(', ')}. Pass a valid token: the default \`github.token\`, or a PAT or App token with \`security-events: write\` and \`pull-requests: write\``;
}

/** A comment that could not be posted: a 404/410 means the pull request is gone or out of sight. */
function commentFailure(error: unknown, pullRequest: number, context: GitHubContext): string {
  const status = httpStatus(error);
  if (status === 404 || status === 410)
    return `PR comment not posted (${status}: ${errorMessage(error)}): pull request #${pullRequest} was not found in ${context.owner}/${context.repo}: it was deleted or transferred, or the token cannot see the repository`;
  return `PR comment not posted: ${errorMessage(error)}`;
}

/** Code scanning, artifact, comment, summary. Publishing problems become warnings, never lost results. */
export async function publish(request: PublishRequest): Promise<PublishResult> {
  const { outcome, context, octokit, settings, logger } = request;
  const result: PublishResult = {
    commentUrl: undefined,
    artifactId: undefined,
    newFindings: undefined,
    uploads: [],
    warnings: [],
    credentialsRejected: undefined,
  };
  // What went wrong outside any one scanner (a failed or missing shard, an SBOM merge) is named
  // first: the tables below would otherwise look complete.
  const notices: string[] = [...outcome.report.errors];
  const warn = (message: string): void => {
    result.warnings.push(message);
    logger.warning(message);
  };
  const failedTools = [...new Set(request.analyses.flatMap((analysis) => analysis.failedTools))];
  if (failedTools.length)
    notices.push(`Not uploaded to code scanning: ${failedTools.join(', ')} (failed or timed out).`);

  const resolved = resolveAnalysisTarget(context, request.head, {
    ref: settings.ref,
    sha: settings.sha,
  });
  // Links name the commit that was scanned: the checked-out one when git says so.
  // Without a readable HEAD, a PR links to its head commit: what a reviewer sees in the PR.
  const commit =
    request.head ??
    context.pullRequest?.headSha ??
    (resolved.ok ? resolved.target.sha : context.sha);

  const wantsUpload =
    settings.uploadSarif === 'true' ||
    (settings.uploadSarif === 'auto' && !context.pullRequest?.fork);
  if (octokit && settings.uploadSarif === 'auto' && context.pullRequest?.fork) {
    logger.info(
      'code scanning: not uploaded from a fork PR (its token cannot write security events); set upload-sarif: true to try anyway',
    );
  }
  if (octokit && wantsUpload) {
    if (!resolved.ok) {
      warn(`code scanning: nothing uploaded: ${resolved.reason}`);
    } else {
      logger.info(
        `code scanning: filing under ${resolved.target.ref} @ ${resolved.target.sha} (${resolved.how})`,
      );
      const payloads = request.analyses.flatMap((analysis) => {
        const plan = planUploads({
          merged: analysis.sarif,
          scope: analysis.scope,
          category: analysis.category,
          variant: analysis.variant,
          workspace: context.workspace,
          excludedTools: analysis.failedTools,
        });
        for (const note of plan.notes) warn(note);
        return plan.payloads;
      });
      // Two uploads of one (tool, category) replace each other: the second closes the first's
      // alerts. Neither is uploaded (as codeql-action's validateUniqueCategory refuses them).
      const byPair = Map.groupBy(payloads, (p) => `${p.tool}\u0000${p.category}`);
      const unique = [...byPair.values()].filter((same) => same.length === 1).flat();
      for (const [first, ...others] of byPair.values()) {
        if (!first || others.length === 0) continue;
        const reason = `${others.length + 1} analyses of ${first.tool} in this run have the category ${first.category}; each would replace the other's alerts, so none was uploaded. Give each matrix leg its own \`category\` input (or path)`;
        logger.error(`code scanning: ${reason}`);
        result.uploads.push({
          tool: first.tool,
          category: first.category,
          id: undefined,
          status: 'refused',
          errors: [reason],
        });
      }
      // Everything is uploaded first, then polled together: one wait, not one per upload.
      result.uploads.push(
        ...(await uploadToCodeScanning({
          octokit,
          context,
          target: resolved.target,
          payloads: unique,
          logger,
          clock: request.clock,
          pollIntervalMs: settings.pollIntervalMs,
          processingTimeoutMs: settings.processingTimeoutMs,
        })),
      );
      // A rejected token is said once, below, not once per upload.
      const failed = result.uploads.filter(
        (u) =>
          (u.status === 'failed' || u.status === 'refused') &&
          !(octokit && rejectedCredentials(octokit)),
      );
      for (const upload of failed) {
        const message = `Code scanning ${upload.status === 'failed' ? 'could not process' : 'did not accept'} the ${upload.tool} analysis (${upload.category}): ${upload.errors.join('; ') || 'no reason given'}`;
        notices.push(message);
        result.warnings.push(message);
      }
    }
  }

  try {
    result.artifactId = await withDeadline(
      uploadComplianceArtifact({
        client: request.artifactClient,
        context,
        outputDir: outcome.outputDir,
        report: outcome.report,
        commit,
        name: settings.artifactName,
        retentionDays: settings.retentionDays,
        matrixKey: settings.matrixKey,
        logger,
      }),
      settings.artifactTimeoutMs ?? ARTIFACT_TIMEOUT_MS,
      (ms) => `the artifact service gave no answer within ${ms / 1000} s`,
      logger,
    );
  } catch (error) {
    // @actions/artifact has retried 5xx answers already; its network errors carry a paragraph.
    const reason = errorMessage(error).split('\n')[0] ?? '';
    warn(
      `compliance artifact not uploaded: ${reason}; its files are in ${path.relative(context.workspace, outcome.outputDir) || '.'}`,
    );
  }

  const links = reportLinks(context, {
    commit,
    scope: request.scope,
    artifactId: result.artifactId,
  });
  const pr = context.pullRequest;
  const limited = octokit && rateLimitedUntil(octokit);
  if (octokit && pr && settings.comment !== 'never' && limited) {
    warn(
      `PR comment not posted: GitHub's API is ${limited}, and this run sends it nothing more; the report is in the job summary`,
    );
  } else if (octokit && pr && settings.comment !== 'never' && !rejectedCredentials(octokit)) {
    try {
      const comment = await publishComment({
        octokit,
        context,
        pullRequest: pr.number,
        report: outcome.report,
        marker: stickyMarker(context, request.scope),
        links,
        notices,
        logger,
      });
      logger.info(`PR comment: ${comment.updated ? 'updated' : 'created'} ${comment.url}`);
      result.commentUrl = comment.url;
      result.newFindings = comment.newFindings;
    } catch (error) {
      const rateLimit = rateLimitOf(error);
      if (rateLimit)
        warn(
          `PR comment not posted (${httpStatus(error) ?? ''}: ${errorMessage(error)}): GitHub's API is ${rateLimit}; the report is in the job summary`,
        );
      else if (httpStatus(error) !== 401)
        warn(
          httpStatus(error) === 403
            ? `PR comment not posted (403: ${errorMessage(error)}): the token needs \`pull-requests: write\`; on fork PRs it is read-only, so the report is in the job summary instead`
            : commentFailure(error, pr.number, context),
        );
    }
  } else if (settings.comment === 'always' && !pr) {
    logger.info(
      'comment: always, but this run is not for a pull request; the report is in the job summary',
    );
  }

  const rejected = octokit && rejectedCredentials(octokit);
  if (rejected) {
    const lost = [
      ...(wantsUpload ? ['the code scanning upload'] : []),
      ...(pr && settings.comment !== 'never' ? ['the PR comment'] : []),
    ];
    result.credentialsRejected = credentialsLine(rejected, request, lost, result.artifactId);
    notices.unshift(result.credentialsRejected);
  }
  const summaryNotices = [...new Set([...notices, ...result.warnings])];
  await writeSummary(
    (maxLength) => renderMarkdown(outcome.report, { links, notices: summaryNotices, maxLength }),
    logger,
  );
  return result;
}
