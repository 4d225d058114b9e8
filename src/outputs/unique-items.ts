/**
 * `uniqueItems: true` in one pass. Ajv checks it by comparing every pair of items: at 50k rules or
 * components that is over a billion deep comparisons (11 s of a 100k-result merge). The generated
 * validators (scripts/generate-validators.ts) call this instead, under the keyword
 * `x-scanfold-unique-items`.
 */

/**
 * A JSON value as text with object keys sorted: two JSON values are deep-equal exactly when their
 * canonical texts are equal.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** True when no two items of `data` are deep-equal: each item's canonical text goes into a set. */
export function linearUniqueItems(data: readonly unknown[]): boolean {
  if (data.length < 2) return true;
  const seen = new Set<string>();
  for (const item of data) {
    const key = canonical(item);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}
