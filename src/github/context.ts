import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';

const EventRepoSchema = z.looseObject({ full_name: z.string() });
const EventSchema = z.looseObject({
  pull_request: z
    .looseObject({
      number: z.number().int(),
      head: z.looseObject({ sha: z.string(), repo: EventRepoSchema.nullish() }),
      base: z.looseObject({ repo: EventRepoSchema, ref: z.string().optional() }),
    })
    .optional(),
});
type EventPullRequest = NonNullable<z.infer<typeof EventSchema>['pull_request']>;

/**
 * A PR from another repository gets a read-only token. `head.repo.fork` is not the test: it is
 * true for every branch of a repository that is itself a fork. A deleted head repository is null.
 */
function isForkPullRequest(pr: EventPullRequest): boolean {
  return !pr.head.repo || pr.head.repo.full_name !== pr.base.repo.full_name;
}

/** What the runner tells an action about the run, read once from the environment and event. */
export interface GitHubContext {
  apiUrl: string;
  serverUrl: string;
  owner: string;
  repo: string;
  /** GITHUB_SHA: for pull_request the merge commit, for pull_request_target the base branch's head. */
  sha: string;
  ref: string;
  eventName: string;
  runId: string;
  runAttempt: number;
  workflow: string;
  job: string;
  workspace: string;
  /** GITHUB_RETENTION_DAYS: the repository's artifact retention, which caps any longer request. */
  retentionDays: number | undefined;
  pullRequest:
    | {
        number: number;
        headSha: string;
        fork: boolean;
        /** The branch the PR merges into (pull_request.base.ref), e.g. `main`. */
        baseRef?: string | undefined;
      }
    | undefined;
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
          baseRef: event.pull_request.base.ref,
        };
      }
    } catch {
      /* no readable event: not a pull request */
    }
  }
  const retention = Number(env.GITHUB_RETENTION_DAYS);
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
    retentionDays: Number.isInteger(retention) && retention > 0 ? retention : undefined,
    pullRequest,
  };
}

/** The scanned directory relative to the repository root, forward slashes; '' for the root itself. */
export function repoScope(context: Pick<GitHubContext, 'workspace'>, scannedRoot: string): string {
  const relative = path.relative(context.workspace, scannedRoot).split(path.sep).join('/');
  return relative === '.' ? '' : relative;
}

const execFileAsync = promisify(execFile);

/** The commit checked out in the workspace, or undefined when it is not a git checkout. */
export async function readGitHead(workspace: string): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync(
      'git',
      ['rev-parse', '--verify', '-q', 'HEAD^{commit}'],
      {
        cwd: workspace,
        timeout: 10_000,
      },
    );
    const sha = stdout.trim();
    return /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** Where an analysis is filed: code scanning keys it by (ref, tool, category). */
export interface AnalysisTarget {
  ref: string;
  sha: string;
}

export type AnalysisTargetResult =
  { ok: true; target: AnalysisTarget; how: string } | { ok: false; reason: string };

const SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
const REF = /^refs\/(heads|tags|pull)\/.+/;

/**
 * The ref and commit an upload belongs to, per event, as github/codeql-action's getRef chooses
 * them — and refusing where GITHUB_REF/GITHUB_SHA would file the results under another commit:
 * - `ref` + `sha` inputs win (both or neither);
 * - pull_request: refs/pull/N/merge + GITHUB_SHA when the merge commit is checked out (the default),
 *   refs/pull/N/head + the head sha when the head commit is;
 * - pull_request_target: GITHUB_REF/GITHUB_SHA are the base branch's, so only refs/pull/N/head +
 *   the head sha, and only when that commit is checked out;
 * - any other event: GITHUB_REF/GITHUB_SHA, only when HEAD is GITHUB_SHA (push without a readable
 *   HEAD trusts the runner, as the default checkout puts GITHUB_SHA there).
 */
export function resolveAnalysisTarget(
  context: GitHubContext,
  head: string | undefined,
  overrides: { ref?: string | undefined; sha?: string | undefined } = {},
): AnalysisTargetResult {
  if (overrides.ref !== undefined || overrides.sha !== undefined) {
    if (!overrides.ref || !overrides.sha)
      return { ok: false, reason: 'the `ref` and `sha` inputs must be given together' };
    if (!REF.test(overrides.ref))
      return {
        ok: false,
        reason: `the \`ref\` input ${overrides.ref} is not refs/heads|tags|pull/…`,
      };
    if (!SHA.test(overrides.sha))
      return { ok: false, reason: `the \`sha\` input ${overrides.sha} is not a full commit sha` };
    return { ok: true, target: { ref: overrides.ref, sha: overrides.sha }, how: 'ref/sha inputs' };
  }
  const pr = context.pullRequest;
  const headDescription = head
    ? `the checked-out commit ${head.slice(0, 12)}`
    : 'no readable git HEAD';
  if (pr && (context.eventName === 'pull_request' || context.eventName === 'pull_request_target')) {
    const headTarget = { ref: `refs/pull/${pr.number}/head`, sha: pr.headSha };
    if (head && head === pr.headSha) return { ok: true, target: headTarget, how: 'PR head commit' };
    if (context.eventName === 'pull_request') {
      const merge = { ref: `refs/pull/${pr.number}/merge`, sha: context.sha };
      if (!head || head === context.sha) return { ok: true, target: merge, how: 'PR merge commit' };
      return {
        ok: false,
        reason: `${headDescription} is neither the PR's merge commit ${context.sha.slice(0, 12)} nor its head ${pr.headSha.slice(0, 12)}; set the \`ref\` and \`sha\` inputs to say where these results belong`,
      };
    }
    return {
      ok: false,
      reason: `pull_request_target runs on the base branch: ${headDescription} is not the PR head ${pr.headSha.slice(0, 12)}, and GITHUB_REF/GITHUB_SHA would file the results as the base branch's analysis; check out the PR head (ref: \${{ github.event.pull_request.head.sha }}) or set the \`ref\` and \`sha\` inputs`,
    };
  }
  if (!REF.test(context.ref) || !SHA.test(context.sha))
    return {
      ok: false,
      reason: `GITHUB_REF ${context.ref || '(unset)'} / GITHUB_SHA ${context.sha || '(unset)'} name no commit to file results under`,
    };
  if (head === context.sha || (!head && context.eventName === 'push'))
    return {
      ok: true,
      target: { ref: context.ref, sha: context.sha },
      how: `${context.eventName} event`,
    };
  return {
    ok: false,
    reason: `${headDescription} is not GITHUB_SHA ${context.sha.slice(0, 12)} of this ${context.eventName || 'unknown'} event; set the \`ref\` and \`sha\` inputs to say where these results belong`,
  };
}
