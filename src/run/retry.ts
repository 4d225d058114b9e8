import type { Clock } from '../model/ports.ts';

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Full-jitter exponential backoff; a server's Retry-After wins when it asks for longer. */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  clock: Pick<Clock, 'random'>,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  const jittered = Math.round(clock.random() * ceiling);
  return retryAfterMs !== undefined
    ? Math.max(jittered, Math.min(retryAfterMs, policy.capMs))
    : jittered;
}

/** Retry-After hints in tool output or HTTP headers: seconds, or an HTTP date. */
export function parseRetryAfter(text: string, now: number): number | undefined {
  const match = /retry-after[":\s=]+([^\r\n",}]+)/i.exec(text);
  if (!match?.[1]) return undefined;
  const value = match[1].trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
