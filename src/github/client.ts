import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { ThrottlingOptions } from '@octokit/plugin-throttling';
import type { Logger } from '../model/ports.ts';

export type Octokit = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  apiUrl: string;
  logger: Logger;
  /**
   * Longest rate-limit wait worth sitting through, in seconds. The primary limit's wait comes from
   * x-ratelimit-reset and can be an hour (GITHUB_TOKEN's budget is shared by every workflow of the
   * repository): past this cap the request fails at once and publishing moves on with a warning.
   */
  maxRateLimitWaitSeconds: number;
  /** Replaces plugin-throttling's module-global Bottleneck groups (tests use unspaced ones). */
  throttleGroups?: Pick<ThrottlingOptions, 'write' | 'notifications' | 'search'>;
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Wait only when the wait is short, a few times; the plugin sleeps for `retryAfter` itself. */
function rateLimitHandler(kind: string, maxRetries: number, options: ClientOptions) {
  return (
    retryAfter: number,
    request: { method: string; url: string },
    _octokit: unknown,
    retryCount: number,
  ): boolean => {
    const what = `GitHub ${kind} on ${request.method} ${request.url}`;
    if (retryAfter > options.maxRateLimitWaitSeconds) {
      options.logger.warning(
        `${what}: the limit resets in ${retryAfter} s, longer than max-rate-limit-wait (${options.maxRateLimitWaitSeconds} s); not waiting`,
      );
      return false;
    }
    if (retryCount >= maxRetries) {
      options.logger.warning(`${what}: still limited after ${retryCount} retries; giving up`);
      return false;
    }
    options.logger.warning(`${what}; retrying after ${retryAfter} s`);
    return true;
  };
}

/** One Octokit with both plugins: retries for 5xx and network errors, waits for rate limits. */
export function createGitHubClient(options: ClientOptions): Octokit {
  return getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      // 429 is left to the throttling plugin, which honours Retry-After; other 4xx are final.
      retry: { doNotRetry: [400, 401, 403, 404, 410, 413, 422, 429, 451] },
      throttle: {
        ...options.throttleGroups,
        onRateLimit: rateLimitHandler('rate limit', 3, options),
        onSecondaryRateLimit: rateLimitHandler('secondary rate limit', 2, options),
      },
    },
    retry,
    throttling,
  );
}

/**
 * The login that comments made with this token carry. GraphQL `viewer` answers for every kind of
 * token: a PAT's user, `github-actions[bot]` for GITHUB_TOKEN, `<app-slug>[bot]` for an App
 * installation token (for which REST GET /user is 403 and GET /app wants the App's JWT).
 */
export async function tokenIdentity(octokit: Octokit): Promise<string | undefined> {
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>(
      'query { viewer { login } }',
    );
    if (typeof answer.viewer?.login === 'string' && answer.viewer.login) return answer.viewer.login;
  } catch {
    /* GHES without GraphQL, or a proxy that blocks it: ask REST */
  }
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    return undefined;
  }
}
