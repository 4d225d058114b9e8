import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../model/errors.ts';

/**
 * A container image to scan, as the user wrote it (`--image` / `image:` input):
 * - `docker-archive:PATH`: a `docker save` tarball (no daemon needed);
 * - `oci-dir:PATH`: an OCI image layout directory (no daemon needed);
 * - `docker:NAME`: an image in the local Docker daemon;
 * - `registry:REF`: pulled from a registry, never from a daemon;
 * - anything else (`alpine:3.19`, `ghcr.io/o/r@sha256:…`): whatever the tools find first
 *   (Docker daemon, then the registry).
 */
export type ImageKind = 'docker-archive' | 'oci-dir' | 'docker' | 'registry' | 'auto';

export interface ImageTarget {
  /** As written by the user; findings and the report name the image by it. */
  readonly ref: string;
  readonly kind: ImageKind;
  /** Absolute path for archives and layouts, else the image name. */
  readonly source: string;
}

const PREFIXED: readonly ImageKind[] = ['docker-archive', 'oci-dir', 'docker', 'registry'];

/** Parse one image reference; paths resolve against the scanned root. */
export function parseImageRef(ref: string, root: string): ImageTarget {
  const text = ref.trim();
  if (!text) throw new ConfigurationError('image: empty image reference');
  if (/[\0\r\n]/.test(text))
    throw new ConfigurationError(`image ${JSON.stringify(ref)}: contains a control character`);
  for (const kind of PREFIXED) {
    if (!text.startsWith(`${kind}:`)) continue;
    const rest = text.slice(kind.length + 1);
    if (!rest) throw new ConfigurationError(`image ${text}: nothing after "${kind}:"`);
    if (rest.startsWith('-'))
      throw new ConfigurationError(`image ${text}: must not start with "-" after "${kind}:"`);
    const local = kind === 'docker-archive' || kind === 'oci-dir';
    return { ref: text, kind, source: local ? path.resolve(root, rest) : rest };
  }
  if (text.startsWith('-')) throw new ConfigurationError(`image ${text}: must not start with "-"`);
  return { ref: text, kind: 'auto', source: text };
}

/** A local image must be there, and be what its prefix says: a clear error now beats three tool failures. */
export function checkLocalImage(image: ImageTarget): void {
  if (image.kind !== 'docker-archive' && image.kind !== 'oci-dir') return;
  if (!existsSync(image.source))
    throw new ConfigurationError(`image ${image.ref}: ${image.source} does not exist`);
  const isDir = statSync(image.source).isDirectory();
  if (image.kind === 'docker-archive' && isDir)
    throw new ConfigurationError(
      `image ${image.ref}: ${image.source} is a directory; a docker-archive is a tar file (an OCI layout directory is oci-dir:)`,
    );
  if (image.kind === 'oci-dir' && !existsSync(path.join(image.source, 'index.json')))
    throw new ConfigurationError(
      `image ${image.ref}: ${image.source} is not an OCI image layout (no index.json)`,
    );
}

/** Syft's (and Grype's) source syntax for the image. */
export function syftSource(image: ImageTarget): string {
  return image.kind === 'auto' ? image.source : `${image.kind}:${image.source}`;
}

/** Trivy `image` arguments that select the image (before Trivy's own flags end). */
export function trivyImageArgs(image: ImageTarget): string[] {
  switch (image.kind) {
    case 'docker-archive':
    case 'oci-dir':
      return ['--input', image.source];
    case 'docker':
      return ['--image-src', 'docker', image.source];
    case 'registry':
      return ['--image-src', 'remote', image.source];
    case 'auto':
      return [image.source];
  }
}

/** Raw output file stem of the n-th image (1-based) for a tool: `trivy-image-1`, `syft-image-2`. */
export function imageFileStem(tool: string, index: number): string {
  return `${tool}-image-${index}`;
}

/** Index of the image a raw output file belongs to, or undefined for a directory scan's file. */
export function imageIndexOf(file: string, tool: string): number | undefined {
  const match = new RegExp(`^${tool}-image-(\\d+)\\.`).exec(path.basename(file));
  return match?.[1] ? Number(match[1]) : undefined;
}
