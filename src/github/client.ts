import { STATUS_CODES } from 'node:http';
import { getOctokit } from '@actions/github';
import { defaults as githubDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import type { RetryPlugin } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { ThrottlingOptions } from '@octokit/plugin-throttling';
import { errorMessage } from '../model/errors.ts';
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
  /**
   * Longest one attempt may take, answer body included, in ms. undici's own limits are 300 s for
   * the headers and 300 s between body chunks, per attempt: a stalled answer would hold the job for
   * 20 minutes through the retries. Default 60 s (GitHub itself gives up on a request after 10 s).
   */
  requestTimeoutMs?: number;
  /** Retries of 5xx answers, resets and timeouts: how many, the delay unit and its cap. */
  retry?: Partial<RetryPolicy>;
  /** For the jitter; Math.random by default. */
  random?: () => number;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** plugin-retry's steps are 1, 4, 9 … of this unit. */
  baseMs: number;
  /** No single wait is longer. */
  capMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseMs: 1_000, capMs: 15_000 };
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The 401 each client got, once it got one: every later call with that token would get it too. */
const rejections = new WeakMap<object, Error>();

/** The rate limit each client ran into and did not wait out: later calls are not sent before it resets. */
const limits = new WeakMap<object, { error: Error; resetMs: number | undefined }>();

function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response
    ?.headers;
  const value = headers?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** When a rate limit resets, from x-ratelimit-reset (epoch seconds) or Retry-After (seconds). */
function resetOf(error: unknown, now: number): number | undefined {
  const reset = Number(headerOf(error, 'x-ratelimit-reset'));
  if (headerOf(error, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset) && reset > 0)
    return reset * 1000;
  const after = Number(headerOf(error, 'retry-after'));
  if (headerOf(error, 'retry-after') !== undefined && Number.isFinite(after))
    return now + after * 1000;
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined;
}

/**
 * A 403 or 429 that is GitHub's rate limit (primary or secondary), not a missing permission:
 * `x-ratelimit-remaining: 0`, a Retry-After, or "rate limit" in the message. Its one-line
 * description, `rate-limited until <reset time>`; undefined for any other error.
 */
export function rateLimitOf(error: unknown, now: number = Date.now()): string | undefined {
  const status = httpStatus(error);
  if (status !== 403 && status !== 429) return undefined;
  const message = error instanceof Error ? error.message : '';
  if (
    headerOf(error, 'x-ratelimit-remaining') !== '0' &&
    headerOf(error, 'retry-after') === undefined &&
    !/rate limit/i.test(message)
  )
    return undefined;
  const reset = resetOf(error, now);
  return reset === undefined
    ? 'rate-limited (GitHub gave no reset time)'
    : `rate-limited until ${new Date(reset).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
}

/** The rate limit this client ran into and gave up waiting for, while it lasts: nothing more is sent. */
export function rateLimitedUntil(octokit: Octokit, now: number = Date.now()): string | undefined {
  const limit = limits.get(octokit);
  if (!limit) return undefined;
  if (limit.resetMs !== undefined && limit.resetMs <= now) {
    limits.delete(octokit);
    return undefined;
  }
  return rateLimitOf(limit.error, now);
}

/** Why GitHub refused this client's token (401), if it has; its later requests are not sent. */
export function rejectedCredentials(octokit: Octokit): string | undefined {
  return rejections.get(octokit)?.message;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown; code?: unknown } } | null)?.cause;
  if (typeof cause?.message !== 'string') return errorMessage(error);
  return typeof cause.code === 'string' && !cause.message.includes(cause.code)
    ? `${cause.message}, ${cause.code}`
    : cause.message;
}

/**
 * fetch with a deadline per attempt, that reads the whole answer before handing it on: octokit
 * reads a JSON body that breaks off (a reset connection, a stall) as an empty string and returns
 * it as a success, where it must fail and be retried.
 */
function boundedFetch(fetchImpl: typeof fetch, timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const timedOut = (cause: unknown): Error =>
      new Error(`no complete answer within ${timeoutMs / 1000} s (request timeout)`, { cause });
    let response: Response;
    try {
      response = await fetchImpl(input, { ...init, signal });
    } catch (error) {
      if (deadline.aborted) throw timedOut(error);
      if (init?.signal?.aborted) throw error;
      // undici says "fetch failed"; what happened is in its cause (refused, reset, closed).
      throw new Error(`no answer (${causeOf(error)})`, { cause: error });
    }
    const empty = [204, 205, 304].includes(response.status) || init?.method === 'HEAD';
    let body: ArrayBuffer | null = null;
    try {
      if (!empty) body = await response.arrayBuffer();
    } catch (error) {
      if (deadline.aborted) throw timedOut(error);
      throw new Error(`connection lost while reading the answer (${causeOf(error)})`, {
        cause: error,
      });
    }
    const whole = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperty(whole, 'url', { value: response.url });
    return whole;
  };
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
    // Notices only: the caller warns once, saying what was not published and until when the
    // limit lasts (rateLimitOf), and a step shows only 10 warnings.
    if (retryAfter > options.maxRateLimitWaitSeconds) {
      options.logger.info(
        `${what}: the limit resets in ${retryAfter} s, longer than max-rate-limit-wait (${options.maxRateLimitWaitSeconds} s); not waiting`,
      );
      return false;
    }
    if (retryCount >= maxRetries) {
      options.logger.info(`${what}: still limited after ${retryCount} retries; giving up`);
      return false;
    }
    options.logger.info(`${what}; retrying after ${retryAfter} s`);
    return true;
  };
}

/**
 * An error's message as one line naming the endpoint when GitHub's answer was not JSON (a proxy's
 * or GitHub's own "Unicorn!" HTML page for a 502/504): octokit makes the whole page the message.
 */
function oneLine(error: Error, requestOptions: { method?: unknown; url?: unknown }): string {
  const status = httpStatus(error);
  const response = (error as { response?: { data?: unknown; url?: unknown } }).response;
  const contentType = headerOf(error, 'content-type') ?? '';
  if (status !== undefined && response && !/json/i.test(contentType)) {
    const method = typeof requestOptions.method === 'string' ? requestOptions.method : 'GET';
    const url = typeof response.url === 'string' ? response.url : String(requestOptions.url);
    let where = url;
    try {
      where = new URL(url).pathname;
    } catch {
      /* a relative route: keep it as it is */
    }
    // Azure storage (artifact downloads) says why in an XML <Code>: short, and worth keeping.
    const data = response.data;
    const text =
      typeof data === 'string'
        ? data
        : data instanceof ArrayBuffer
          ? Buffer.from(data.slice(0, 4096)).toString('utf8')
          : '';
    const code = /<Code>([\w.-]{1,64})<\/Code>/.exec(text)?.[1];
    return `${method} ${where}: ${status} ${STATUS_CODES[status] ?? ''}${code ? ` (${code})` : ''}`;
  }
  return error.message.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * One Octokit with both plugins: retries for 5xx, resets and timeouts (backoff with jitter, capped),
 * waits for rate limits; each attempt bounded in time; a 401 ends the client's requests.
 */
export function createGitHubClient(options: ClientOptions): Octokit {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const baseFetch = (githubDefaults.request?.fetch as typeof fetch | undefined) ?? globalThis.fetch;
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      // getOctokit's defaults are replaced, not merged: keep its proxy agent, bound its fetch.
      request: {
        ...githubDefaults.request,
        fetch: boundedFetch(baseFetch, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      },
      // 429 is left to the throttling plugin, which honours Retry-After; other 4xx are final.
      // Delays are counted in milliseconds: retryRequest below sets them.
      retry: {
        doNotRetry: [400, 401, 403, 404, 410, 413, 422, 429, 451],
        retries: policy.retries,
        retryAfterBaseValue: 1,
      },
      throttle: {
        ...options.throttleGroups,
        onRateLimit: rateLimitHandler('rate limit', 3, options),
        onSecondaryRateLimit: rateLimitHandler('secondary rate limit', 2, options),
      },
    },
    retry,
    throttling,
  );
  // plugin-retry waits 1, 4, 9 … seconds, the same for every client: legs of a matrix that failed
  // together would retry together. Same steps in `baseMs` units, capped, with equal jitter.
  const plugin = (octokit as unknown as RetryPlugin).retry;
  const retryRequest = plugin.retryRequest.bind(plugin);
  plugin.retryRequest = (error, retries, step) => {
    const delay = Math.round(Math.min(policy.capMs, step * policy.baseMs) * (0.5 + random() / 2));
    // plugin-retry's step is (n + 1)² for the n-th retry; past `retries` it gives up.
    const nth = Math.round(Math.sqrt(step));
    if (nth <= retries) {
      // One line whatever the answer was (a 502's HTML page is dozens of lines).
      const { method, url } = error.request;
      const summary = oneLine(error, error.request);
      const what = summary.startsWith(`${method} `) ? summary : `${method} ${url}: ${summary}`;
      options.logger.info(`GitHub ${what}; retry ${nth} of ${retries} in ${delay} ms`);
    }
    return retryRequest(error, retries, delay);
  };
  // Once a request found GitHub unreachable through every retry (no answer, or none in time),
  // later ones get one attempt each: a GitHub that is down costs minutes, not one full retry
  // cycle per call.
  let unreachable = false;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    const rejected = rejections.get(octokit);
    if (rejected) throw rejected;
    // Every request counts against the same exhausted budget: none is sent before it resets.
    const limit = limits.get(octokit);
    if (limit && rateLimitedUntil(octokit)) throw limit.error;
    if (unreachable) requestOptions.request = { ...requestOptions.request, retries: 0 };
    try {
      return await request(requestOptions);
    } catch (error) {
      if (httpStatus(error) === 401 && error instanceof Error) rejections.set(octokit, error);
      if (error instanceof Error && rateLimitOf(error))
        limits.set(octokit, { error, resetMs: resetOf(error, Date.now()) });
      if (error instanceof Error) error.message = oneLine(error, requestOptions);
      // plugin-retry counts the attempts in the request options; the warning should say it tried.
      const attempts = (requestOptions.request as { retryCount?: unknown } | undefined)?.retryCount;
      if (typeof attempts === 'number' && attempts > 1 && error instanceof Error) {
        error.message = `${error.message} (after ${attempts} attempts)`;
        const answered = (error as { response?: unknown }).response !== undefined;
        if (!answered && !unreachable) {
          unreachable = true;
          options.logger.info(
            'GitHub: no answer through every retry; later requests are tried once each',
          );
        }
      }
      throw error;
    }
  });
  return octokit;
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
