import { pathToFileURL } from 'node:url';
import { errorMessage } from '../model/errors.ts';
import type { Clock, Logger } from '../model/ports.ts';
import { httpStatus } from './client.ts';
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
}

/** A refusal every further upload with this token would get too (no permission, no repository). */
export function refusesEveryUpload(outcome: UploadOutcome): boolean {
  return outcome.httpStatus === 401 || outcome.httpStatus === 403 || outcome.httpStatus === 404;
}

export interface CodeScanningRequest {
  octokit: Octokit;
  context: GitHubContext;
  target: AnalysisTarget;
  payloads: readonly UploadPayload[];
  logger: Logger;
  clock: Clock;
  /** Delay between processing-status polls. */
  pollIntervalMs: number;
  /** Polls before giving up on a pending upload. */
  maxPolls?: number;
}

/**
 * Poll until GitHub has processed an upload. The upload itself already succeeded: a status check
 * that fails is reported as `unknown`, never as a failed upload (GitHub may 404 for a moment).
 */
async function processingStatus(
  request: CodeScanningRequest,
  id: string,
): Promise<{ status: string; errors: string[] }> {
  const { octokit, context } = request;
  for (let poll = 0; poll < (request.maxPolls ?? 10); poll++) {
    try {
      const { data } = await octokit.rest.codeScanning.getSarif({
        owner: context.owner,
        repo: context.repo,
        sarif_id: id,
      });
      const status = data.processing_status ?? 'unknown';
      if (status !== 'pending') return { status, errors: (data.errors ?? []).map(String) };
    } catch (error) {
      request.logger.warning(
        `code scanning: upload ${id} accepted, but its processing status is unknown: ${errorMessage(error)}`,
      );
      return { status: 'unknown', errors: [] };
    }
    await request.clock.sleep(request.pollIntervalMs);
  }
  return { status: 'pending', errors: [] };
}

/** GitHub's words when code scanning is off for the repository (its troubleshooting page's title). */
const NOT_ENABLED = /(Advanced|Code) Security must be enabled/i;

/** What a refused upload means for the user, by status; GitHub's own message is kept. */
function refusalReason(
  status: number | undefined,
  message: string,
  context: Pick<GitHubContext, 'owner' | 'repo'>,
): string {
  const repository = `${context.owner}/${context.repo}`;
  if (status === 401) return `refused (401: ${message}): GitHub rejected the token`;
  if (status === 403 && NOT_ENABLED.test(message))
    return `refused (403: ${message}): code scanning is not enabled for ${repository}; enable GitHub Code Security (Advanced Security) in its settings, or set upload-sarif: false`;
  if (status === 403)
    return `refused (403: ${message}): the token needs \`security-events: write\` and code scanning must be enabled; fork PRs never have it`;
  if (status === 404)
    return `refused (404: ${message}): code scanning is not available for ${repository}. "Advanced Security must be enabled for this repository to use code scanning": private and internal repositories need GitHub Code Security; otherwise the token cannot see the repository. Set upload-sarif: false to stop trying`;
  return `failed: ${message}`;
}

/**
 * One upload per tool and category, so one tool's rejected run never costs the others their
 * analysis. A refusal (403: no `security-events: write`) stops the remaining uploads, which would
 * be refused the same way.
 */
export async function uploadToCodeScanning(request: CodeScanningRequest): Promise<UploadOutcome[]> {
  const { octokit, context, target, logger } = request;
  const outcomes: UploadOutcome[] = [];
  for (const [index, payload] of request.payloads.entries()) {
    const base = { tool: payload.tool, category: payload.category };
    let id: string | undefined;
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
      id = response.data.id ?? undefined;
    } catch (error) {
      const status = httpStatus(error);
      const reason = refusalReason(status, errorMessage(error), context);
      // A rejected token is reported once, by the caller, for everything it could not publish.
      if (status !== 401)
        logger.warning(`code scanning upload of ${payload.tool} (${payload.category}) ${reason}`);
      const refused = {
        ...base,
        id: undefined,
        status: 'refused',
        errors: [reason],
        httpStatus: status,
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
      continue;
    }
    const processed = id ? await processingStatus(request, id) : { status: 'unknown', errors: [] };
    if (processed.status === 'failed')
      logger.warning(
        `code scanning: GitHub could not process the ${payload.tool} upload ${id ?? ''} (${payload.category}): ${processed.errors.join('; ') || 'no reason given'}`,
      );
    else
      logger.info(
        `code scanning: ${payload.tool} → ${target.ref} ${payload.category} (${payload.results} results, ${payload.gzipBytes} bytes gzipped): ${processed.status}`,
      );
    outcomes.push({ ...base, id, status: processed.status, errors: processed.errors });
  }
  return outcomes;
}
