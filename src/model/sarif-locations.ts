import type { ArtifactLocation } from 'sarif';

/** Members that hold no artifact location: free-form data, text, regions, hashes. */
const SKIPPED_KEYS = new Set([
  'properties',
  'message',
  'region',
  'contextRegion',
  'partialFingerprints',
  'fingerprints',
]);

/** Members whose value is an artifact location: a result's, an analysis target, an artifact's. */
const LOCATION_KEYS = new Set(['artifactLocation', 'analysisTarget', 'location']);

function isArtifactLocation(value: unknown): value is ArtifactLocation {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    ('uri' in value || 'index' in value)
  );
}

/**
 * `value` with every artifact location in it (locations, related locations, code flows, stacks,
 * fixes, attachments, `analysisTarget`, artifacts) replaced by `rewrite`'s answer. Only the
 * objects on the way to a replaced location are copied; the rest are shared.
 */
export function mapArtifactLocations<T>(
  value: T,
  rewrite: (artifact: ArtifactLocation) => ArtifactLocation,
): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const rewritten = mapArtifactLocations(item, rewrite);
      if (rewritten !== item) (copy ??= value.slice())[index] = rewritten;
    }
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  // for…in, not Object.entries: no array per object, over every object of 100k results.
  for (const key in record) {
    if (!Object.hasOwn(record, key) || SKIPPED_KEYS.has(key)) continue;
    const child = record[key];
    if (child === null || typeof child !== 'object') continue;
    const rewritten =
      LOCATION_KEYS.has(key) && isArtifactLocation(child)
        ? rewrite(child)
        : mapArtifactLocations(child, rewrite);
    // A spread copy defines own properties, so a key such as `__proto__` stays plain data.
    if (rewritten !== child) (copy ??= { ...record })[key] = rewritten;
  }
  return (copy ?? value) as T;
}
