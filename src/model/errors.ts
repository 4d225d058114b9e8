import type { z } from 'zod';

/** A problem the user must fix in their config or inputs (exit code 2). */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** A failure worth retrying: network, rate limit, DB download. */
export class TransientError extends Error {
  override name = 'TransientError';
  readonly retryAfterMs: number | undefined;
  constructor(message: string, retryAfterMs?: number) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    // fetch() says only "fetch failed"; the reason (ENOTFOUND host, ECONNRESET) is in its cause.
    const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
    const detail =
      typeof cause?.code === 'string'
        ? cause.code
        : typeof cause?.message === 'string'
          ? cause.message
          : undefined;
    return detail && !error.message.includes(detail)
      ? `${error.message} (${detail})`
      : error.message;
  }
  return typeof error === 'string' ? error : JSON.stringify(error);
}

/** JSON.parse's complaint without the input bytes it quotes (they may be escapes or secrets). */
export function jsonErrorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (/Unexpected end of JSON input/i.test(message)) return 'unexpected end of input';
  if (position) return `unexpected character at position ${position}`;
  return /Unexpected token|Unexpected non-whitespace/i.test(message)
    ? 'unexpected token'
    : 'not JSON';
}

/**
 * A zod failure as one line: where (from `prefix`, the part of the document the checked value
 * sits at), and what was expected; never the offending value.
 */
export function firstIssue(error: z.ZodError, prefix: readonly PropertyKey[] = []): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = [...prefix, ...first.path].map(String).join('.');
  return `${where || '(root)'}: ${first.message}`;
}
