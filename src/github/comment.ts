import type { Logger } from '../model/ports.ts';
import type { Report } from '../model/scan-result.ts';
import { renderMarkdown } from '../outputs/markdown.ts';
import type { MarkdownLinks } from '../outputs/markdown.ts';
import { httpStatus, rejectedCredentials, tokenIdentity } from './client.ts';
import type { Octokit } from './client.ts';
import type { GitHubContext } from './context.ts';

const FINGERPRINTS_KEPT = 2_000;
const FINGERPRINT_COMMENT = /<!-- scanfold:fingerprints ([0-9a-f,]*) -->/;
/** Whom GITHUB_TOKEN comments as; assumed only when the token's identity cannot be read. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
const CREATE_ATTEMPTS = 3;

/**
 * One sticky comment per workflow, job and scope: matrix legs share GITHUB_JOB, and legs that
 * scan different directories must not overwrite each other's comment.
 * @param scope the scanned directory relative to the repository root ('' for the root)
 */
export function stickyMarker(
  context: Pick<GitHubContext, 'workflow' | 'job'>,
  scope: string,
): string {
  const key = `${context.workflow}/${context.job}${scope ? `:${scope}` : ''}`;
  return `<!-- scanfold:sticky ${key.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`;
}

function shortFingerprints(report: Report): string[] {
  return [...new Set(report.findings.map((finding) => finding.fingerprint.slice(0, 16)))].sort();
}

type IssueComment = Awaited<ReturnType<Octokit['rest']['issues']['listComments']>>['data'][number];

export interface CommentRequest {
  octokit: Octokit;
  context: GitHubContext;
  pullRequest: number;
  report: Report;
  marker: string;
  links: MarkdownLinks;
  notices: string[];
  logger: Logger;
}

export interface CommentResult {
  url: string;
  updated: boolean;
  newFindings: number | undefined;
}

/**
 * Create or update the sticky comment. It is ours only when the token's own identity wrote it
 * (anyone can paste the marker, and fake the fingerprints behind "new since last push"). A create
 * is never blindly retried: after a failed POST the comments are listed again, since GitHub may
 * have stored it anyway; and two runs that both created one converge on the oldest.
 */
export async function publishComment(request: CommentRequest): Promise<CommentResult> {
  const { octokit, context, logger } = request;
  const where = { owner: context.owner, repo: context.repo };
  let identity = await tokenIdentity(octokit);
  if (!identity) {
    // A rejected token fails the listing below; no warning about whom it would have been.
    if (!rejectedCredentials(octokit))
      logger.warning(
        `PR comment: could not tell whom this token comments as; only comments by ${ACTIONS_BOT_LOGIN} count as ours`,
      );
    identity = ACTIONS_BOT_LOGIN;
  }
  const login = identity.toLowerCase();
  const ours = async (): Promise<IssueComment[]> => {
    // Every page: a sticky comment past the first 100 must still be found, or each push adds one.
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...where,
      issue_number: request.pullRequest,
      per_page: 100,
    });
    return comments
      .filter((c) => c.body?.includes(request.marker) && c.user?.login.toLowerCase() === login)
      .sort((a, b) => a.id - b.id);
  };

  const existing = await ours();
  const current = shortFingerprints(request.report);
  const previous = existing[0]?.body
    ? FINGERPRINT_COMMENT.exec(existing[0].body)?.[1]?.split(',').filter(Boolean)
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
  const body = renderMarkdown(request.report, {
    header: `${request.marker}\n${fingerprintLine}`,
    links: request.links,
    notices: request.notices,
    ...(delta ? { delta } : {}),
  });
  const update = async (comment: IssueComment): Promise<string> =>
    (await octokit.rest.issues.updateComment({ ...where, comment_id: comment.id, body })).data
      .html_url;
  const removeDuplicates = async (duplicates: IssueComment[]): Promise<void> => {
    for (const duplicate of duplicates) {
      await octokit.rest.issues
        .deleteComment({ ...where, comment_id: duplicate.id })
        .catch((error: unknown) => {
          if (httpStatus(error) !== 404) throw error;
        });
    }
  };

  const [keep, ...duplicates] = existing;
  if (keep) {
    const url = await update(keep);
    await removeDuplicates(duplicates);
    return { url, updated: true, newFindings: delta?.new };
  }

  let created: IssueComment | undefined;
  for (let attempt = 1; !created; attempt++) {
    try {
      created = (
        await octokit.rest.issues.createComment({
          ...where,
          issue_number: request.pullRequest,
          body,
          // Not retried by plugin-retry: a POST that timed out or got a 5xx may have been stored.
          request: { retries: 0 },
        })
      ).data;
    } catch (error) {
      const status = httpStatus(error);
      const transient = status === undefined || status >= 500;
      if (!transient || attempt >= CREATE_ATTEMPTS) throw error;
      logger.info(
        `PR comment: create failed (${status ?? 'network'}); checking whether it was stored`,
      );
      const stored = (await ours())[0];
      if (stored) {
        created = { ...stored, html_url: await update(stored) };
        return { url: created.html_url, updated: false, newFindings: undefined };
      }
    }
  }
  // A concurrent run may have created its own: keep the oldest, with this run's body.
  const [oldest, ...extra] = await ours();
  if (oldest && oldest.id !== created.id) {
    const url = await update(oldest);
    await removeDuplicates(extra);
    return { url, updated: false, newFindings: undefined };
  }
  await removeDuplicates(extra);
  return { url: created.html_url, updated: false, newFindings: undefined };
}
