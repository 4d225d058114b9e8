import { createHash } from 'node:crypto';

/** JSON with every object's keys sorted: the same matrix gives the same text in any key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonical(child)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A short stable name for this matrix leg, from the hidden `matrix` input (`${{ toJson(matrix) }}`):
 * `matrix-` and 8 hex digits of the SHA-256 of its canonical JSON. Undefined outside a matrix
 * (`null`, `{}`, empty or unreadable), so non-matrix runs keep the names they always had.
 */
export function matrixKey(json: string | undefined): string | undefined {
  if (!json?.trim()) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  if (Object.keys(parsed).length === 0) return undefined;
  return `matrix-${createHash('sha256').update(canonical(parsed)).digest('hex').slice(0, 8)}`;
}
