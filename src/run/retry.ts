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

const GO_UNITS = new Map([
  ['ns', 1e-6],
  ['us', 1e-3],
  ['µs', 1e-3],
  ['μs', 1e-3],
  ['ms', 1],
  ['s', 1000],
  ['m', 60_000],
  ['h', 3_600_000],
]);

/** A Go duration as Go tools print it (`617.148µs`, `1m30s`, `2.5s`), in whole milliseconds. */
function goDurationMs(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(ns|us|µs|μs|ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/g))
    total += Number(amount) * (GO_UNITS.get(unit ?? '') ?? 0);
  return Math.ceil(total);
}

/** Retry-After hints in tool output or HTTP headers: seconds, or an HTTP date. */
export function parseRetryAfter(text: string, now: number): number | undefined {
  const match = /retry-after[":\s=]+([^\r\n",}]+)/i.exec(text);
  if (!match?.[1]) return undefined;
  const value = match[1].trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const duration = goDurationMs(value);
  if (duration !== undefined) return duration;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
