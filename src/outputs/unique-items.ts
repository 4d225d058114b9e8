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

/**
 * A text that deep-equal values share, cheap to make: object keys sorted, with primitive values
 * written out and nested objects and arrays only marked. Values with different outlines differ;
 * only values with the same outline need their canonical texts compared.
 */
function outline(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.length}`;
  return Object.keys(value)
    .sort()
    .map((key) => {
      const inner = (value as Record<string, unknown>)[key];
      const text =
        inner === null || typeof inner !== 'object'
          ? (JSON.stringify(inner) ?? 'null')
          : Array.isArray(inner)
            ? `[${inner.length}`
            : '{';
      return `${JSON.stringify(key)}:${text}`;
    })
    .join(',');
}

/**
 * True when no two items of `data` are deep-equal. Each item's outline goes into a map; only items
 * whose outlines meet (rarely: rules differ by id, components by bom-ref) are written out in full,
 * so 50k SARIF rules or SBOM components with long texts are never copied into strings.
 */
export function linearUniqueItems(data: readonly unknown[]): boolean {
  if (data.length < 2) return true;
  // outline → the items with that outline, and their canonical texts once needed.
  const seen = new Map<string, { items: unknown[]; texts?: Set<string> }>();
  for (const item of data) {
    const key = outline(item);
    const group = seen.get(key);
    if (group === undefined) {
      seen.set(key, { items: [item] });
      continue;
    }
    // Primitives and objects of primitives are written out in full by their outline.
    if (item === null || typeof item !== 'object' || !hasNested(item)) return false;
    group.texts ??= new Set(group.items.map(canonical));
    const text = canonical(item);
    if (group.texts.has(text)) return false;
    group.texts.add(text);
  }
  return true;
}

function hasNested(item: object): boolean {
  if (Array.isArray(item)) return true;
  return Object.values(item).some((value) => value !== null && typeof value === 'object');
}
