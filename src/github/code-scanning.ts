import { pathToFileURL } from 'node:url';
import { errorMessage } from '../model/errors.ts';
import type { Clock, Logger } from '../model/ports.ts';
import { httpStatus, rateLimitOf } from './client.ts';
import type { Octokit } from './client.ts';
import type { AnalysisTarget, GitHubContext } from './context.ts';
import type { UploadPayload } from './upload-plan.ts';

export interface UploadOutcome {
  tool: string;
  category: string;
  id: string | undefined;
  /** complete | failed | pending | unknown | refused */
  status: string;
  /** Why GitHub refused or failed it. */
  errors: string[];
  /** The HTTP status of a refused upload. */
  httpStatus?: number | undefined;
  /** Set when GitHub refused it for the rate limit: `rate-limited until <reset time>`. */
  rateLimited?: string | undefined;
}

/** A refusal every further upload with this token would get too (no permission, no repository, rate limit). */
export function refusesEveryUpload(outcome: UploadOutcome): boolean {
  return (
    outcome.httpStatus === 401 ||
    outcome.httpStatus === 403 ||
    outcome.httpStatus === 404 ||
    outcome.rateLimited !== undefined
  );
}

export interface ProcessingWait {
  octokit: Octokit;
  context: GitHubContext;
  logger: Logger;
  clock: Clock;
  /** Delay between rounds of processing-status polls. */
  pollIntervalMs: number;
  /** Longest wait for GitHub to process every upload, all together; 2 minutes by default (codeql-action's). */
  processingTimeoutMs?: number;
}

export interface CodeScanningRequest extends ProcessingWait {
  target: AnalysisTarget;
  payloads: readonly UploadPayload[];
}

/** codeql-action waits up to 2 minutes for processing, then moves on. */
export const PROCESSING_TIMEOUT_MS = 120_000;

/** GitHub's words when code scanning is off for the repository (docs: ghas-required, advanced-security-must-be-enabled). */
const NOT_ENABLED =
  /(Advanced|Code) Security (must be enabled|is not enabled|blocked by a policy)|Code scanning is not enabled for this repository/i;

/** What a refused upload means for the user, by status; GitHub's own message is kept. */
function refusalReason(error: unknown, context: Pick<GitHubContext, 'owner' | 'repo'>): string {
  const status = httpStatus(error);
  const message = errorMessage(error);
  const repository = `${context.owner}/${context.repo}`;
  const limited = rateLimitOf(error);
  if (limited)
    return `refused (${status ?? ''}: ${message}): GitHub's API ${limited}; nothing more is sent to GitHub in this run`;
  if (status === 401) return `refused (401: ${message}): GitHub rejected the token`;
  if ((status === 403 || status === 404) && NOT_ENABLED.test(message))
    return `refused (${status}: ${message}): code scanning is not enabled for ${repository}; enable GitHub Code Security (Advanced Security) in its settings, or set upload-sarif: false`;
  if (status === 403)
    return `refused (403: ${message}): the token needs \`security-events: write\` and code scanning must be enabled; fork PRs never have it`;
  if (status === 404)
    return `refused (404: ${message}): code scanning is not available for ${repository}. "Advanced Security must be enabled for this repository to use code scanning": private and internal repositories need GitHub Code Security; otherwise the token cannot see the repository. Set upload-sarif: false to stop trying`;
  return `failed: ${message}`;
}

/**
 * One upload per tool and category, so one tool's rejected run never costs the others their
 * analysis. A refusal every upload would get (403: no `security-events: write`, a rate limit)
 * stops the remaining uploads. Accepted uploads come back `pending`: see awaitProcessing.
 */
export async function uploadPayloads(request: CodeScanningRequest): Promise<UploadOutcome[]> {
  const { octokit, context, target, logger } = request;
  const outcomes: UploadOutcome[] = [];
  for (const [index, payload] of request.payloads.entries()) {
    const base = { tool: payload.tool, category: payload.category };
    try {
      const response = await octokit.rest.codeScanning.uploadSarif({
        owner: context.owner,
        repo: context.repo,
        commit_sha: target.sha,
        ref: target.ref,
        sarif: payload.gzipped.toString('base64'),
        // pathToFileURL encodes '#', '?' and '%' in the path; a hand-built URL reads them as syntax.
        checkout_uri: pathToFileURL(context.workspace).href,
        tool_name: 'scanfold',
      });
      const id = response.data.id ?? undefined;
      logger.info(
        `code scanning: ${payload.tool} → ${target.ref} ${payload.category} (${payload.results} results, ${payload.gzipBytes} bytes gzipped): uploaded${id ? ` as ${id}` : ''}`,
      );
      outcomes.push({ ...base, id, status: id ? 'pending' : 'unknown', errors: [] });
    } catch (error) {
      const status = httpStatus(error);
      const reason = refusalReason(error, context);
      // A rejected token is reported once, by the caller, for everything it could not publish.
      if (status !== 401)
        logger.warning(`code scanning upload of ${payload.tool} (${payload.category}) ${reason}`);
      const refused: UploadOutcome = {
        ...base,
        id: undefined,
        status: 'refused',
        errors: [reason],
        httpStatus: status,
        rateLimited: rateLimitOf(error),
      };
      outcomes.push(refused);
      if (refusesEveryUpload(refused)) {
        for (const skipped of request.payloads.slice(index + 1))
          outcomes.push({
            tool: skipped.tool,
            category: skipped.category,
            id: undefined,
            status: 'refused',
            errors: ['not tried after the first refusal'],
          });
        break;
      }
    }
  }
  return outcomes;
}

/**
 * Poll every accepted upload together until GitHub has processed them all, or the overall limit
 * passes (they stay `pending`). The uploads themselves already succeeded: a status check that
 * fails is reported as `unknown`, never as a failed upload (GitHub may 404 for a moment).
 */
export async function awaitProcessing(
  wait: ProcessingWait,
  outcomes: UploadOutcome[],
): Promise<UploadOutcome[]> {
  const { octokit, context, logger, clock } = wait;
  const deadline = clock.now() + (wait.processingTimeoutMs ?? PROCESSING_TIMEOUT_MS);
  for (;;) {
    const pending = outcomes.filter((o) => o.status === 'pending' && o.id !== undefined);
    if (pending.length === 0) break;
    for (const outcome of pending) {
      const id = outcome.id ?? '';
      try {
        const { data } = await octokit.rest.codeScanning.getSarif({
          owner: context.owner,
          repo: context.repo,
          sarif_id: id,
        });
        outcome.status = data.processing_status ?? 'unknown';
        outcome.errors = (data.errors ?? []).map(String);
      } catch (error) {
        logger.warning(
          `code scanning: upload ${id} accepted, but its processing status is unknown: ${errorMessage(error)}`,
        );
        outcome.status = 'unknown';
        continue;
      }
      if (outcome.status === 'failed')
        logger.warning(
          `code scanning: GitHub could not process the ${outcome.tool} upload ${id} (${outcome.category}): ${outcome.errors.join('; ') || 'no reason given'}`,
        );
      else if (outcome.status !== 'pending')
        logger.info(`code scanning: ${outcome.tool} ${outcome.category}: ${outcome.status}`);
    }
    if (!outcomes.some((o) => o.status === 'pending')) break;
    const left = deadline - clock.now();
    if (left <= 0) {
      const still = outcomes.filter((o) => o.status === 'pending');
      logger.info(
        `code scanning: ${still.length} upload(s) still being processed after ${(wait.processingTimeoutMs ?? PROCESSING_TIMEOUT_MS) / 1000} s (${still.map((o) => o.tool).join(', ')}); not waiting longer`,
      );
      break;
    }
    await clock.sleep(Math.min(wait.pollIntervalMs, left));
  }
  return outcomes;
}

/** Upload every payload, then wait for all of them together. */
export async function uploadToCodeScanning(request: CodeScanningRequest): Promise<UploadOutcome[]> {
  return awaitProcessing(request, await uploadPayloads(request));
}
