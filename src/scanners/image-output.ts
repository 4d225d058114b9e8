import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import type { Log } from 'sarif';
import { z } from 'zod';
import type { Image } from '../model/finding.ts';
import { imageIndexOf } from '../plan/image.ts';
import type { ImageTarget } from '../plan/image.ts';
import type { ParseContext, ParsedOutput, RawOutput } from './adapter.ts';

type Layer = NonNullable<Image['layer']>;

/** Directory-scan outputs and, per image (1-based index), that image's outputs. */
export function splitImageOutputs(
  outputs: readonly RawOutput[],
  tool: string,
): { directory: RawOutput[]; images: Map<number, RawOutput[]> } {
  const directory: RawOutput[] = [];
  const images = new Map<number, RawOutput[]>();
  for (const output of outputs) {
    const index = imageIndexOf(output.name, tool);
    if (index === undefined) directory.push(output);
    else images.set(index, [...(images.get(index) ?? []), output]);
  }
  return { directory, images };
}

/** The image's reference: from the scan's config, else (an imported file) what the tool recorded. */
export function imageRefFor(
  config: Pick<ParseContext, 'images'>,
  index: number,
  recorded: string | undefined,
): string {
  return config.images[index - 1]?.ref ?? recorded ?? `image-${index}`;
}

/**
 * Mark every result of an image scan with `scanfold/image` (reference and layer) and point its
 * location at the image: the image is the artifact, and Trivy and Grype must agree on the path for
 * their findings of one package to merge.
 */
export function annotateImageResults(
  log: Log,
  ref: string,
  layerOf: (ruleId: string, message: string) => Layer | undefined,
): void {
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const layer = layerOf(result.ruleId ?? '', result.message.text ?? '');
      const image: Image = { ref, ...(layer ? { layer } : {}) };
      result.properties = { ...result.properties, 'scanfold/image': image };
      result.locations = [{ physicalLocation: { artifactLocation: { uri: ref } } }];
    }
  }
}

export function addParsed(into: ParsedOutput, from: ParsedOutput): void {
  into.sarif.push(...from.sarif);
  into.sboms.push(...from.sboms);
}

// ---- Trivy: Results[].Vulnerabilities[].Layer, Metadata.ImageConfig.{history,rootfs} ----

const TrivyLayerSchema = z.looseObject({
  Digest: z.string().optional(),
  DiffID: z.string().optional(),
  CreatedBy: z.string().optional(),
});

const TrivyImageReportSchema = z.looseObject({
  ArtifactName: z.string().optional(),
  Metadata: z
    .looseObject({
      ImageConfig: z
        .looseObject({
          history: z
            .array(
              z.looseObject({
                created_by: z.string().optional(),
                empty_layer: z.boolean().optional(),
              }),
            )
            .nullish(),
          rootfs: z.looseObject({ diff_ids: z.array(z.string()).nullish() }).optional(),
        })
        .optional(),
    })
    .optional(),
  Results: z
    .array(
      z.looseObject({
        Vulnerabilities: z
          .array(
            z.looseObject({
              VulnerabilityID: z.string(),
              PkgName: z.string(),
              InstalledVersion: z.string().optional(),
              Layer: TrivyLayerSchema.optional(),
            }),
          )
          .nullish(),
      }),
    )
    .nullish(),
});

/** The Dockerfile instruction of each layer: history entries that made a layer, in rootfs order. */
export function createdByDiffId(
  history: readonly { created_by?: string | undefined; empty_layer?: boolean | undefined }[],
  diffIds: readonly string[],
): Map<string, string> {
  const byDiffId = new Map<string, string>();
  const layers = history.filter((entry) => !entry.empty_layer);
  diffIds.forEach((diffId, index) => {
    const createdBy = layers[index]?.created_by;
    if (createdBy) byDiffId.set(diffId, createdBy);
  });
  return byDiffId;
}

const ImageConfigSchema = z.looseObject({
  history: z
    .array(
      z.looseObject({ created_by: z.string().optional(), empty_layer: z.boolean().optional() }),
    )
    .nullish(),
  rootfs: z.looseObject({ diff_ids: z.array(z.string()).nullish() }).optional(),
});

const readFromTar = async (archive: string, member: string): Promise<string> =>
  (await promisify(execFile)('tar', ['-xOf', archive, member], { maxBuffer: 64 * 1024 * 1024 }))
    .stdout;

/**
 * Each layer's Dockerfile instruction, read from a local image's config (docker-archive or OCI
 * layout), for tools that report only the diff ID (Grype). Empty for other images or on any error:
 * the instruction is a nicety, never a reason to fail a scan.
 */
export async function localImageHistory(image: ImageTarget): Promise<Map<string, string>> {
  try {
    let config: unknown;
    if (image.kind === 'docker-archive') {
      const manifest = JSON.parse(await readFromTar(image.source, 'manifest.json')) as {
        Config?: string;
      }[];
      const member = manifest[0]?.Config;
      if (!member) return new Map();
      config = JSON.parse(await readFromTar(image.source, member));
    } else if (image.kind === 'oci-dir') {
      const blob = async (digest: string): Promise<unknown> =>
        JSON.parse(
          await readFile(
            path.join(image.source, 'blobs', ...digest.split(':').slice(0, 2)),
            'utf8',
          ),
        );
      const index = JSON.parse(await readFile(path.join(image.source, 'index.json'), 'utf8')) as {
        manifests?: { digest?: string }[];
      };
      const manifestDigest = index.manifests?.[0]?.digest;
      if (!manifestDigest) return new Map();
      const manifest = (await blob(manifestDigest)) as { config?: { digest?: string } };
      if (!manifest.config?.digest) return new Map();
      config = await blob(manifest.config.digest);
    } else return new Map();
    const parsed = ImageConfigSchema.parse(config);
    return createdByDiffId(parsed.history ?? [], parsed.rootfs?.diff_ids ?? []);
  } catch {
    return new Map();
  }
}

export interface ImageLayers {
  ref: string | undefined;
  /** Keyed by vulnerabilityKey(id, package, version). */
  layers: Map<string, Layer>;
}

export function noImageLayers(): ImageLayers {
  return { ref: undefined, layers: new Map() };
}

export function trivyImageLayers(
  data: unknown,
  keyOf: (id: string, name: string, version: string | undefined) => string,
): ImageLayers {
  const report = TrivyImageReportSchema.parse(data);
  const config = report.Metadata?.ImageConfig;
  const createdBy = createdByDiffId(config?.history ?? [], config?.rootfs?.diff_ids ?? []);
  const layers = new Map<string, Layer>();
  for (const target of report.Results ?? []) {
    for (const v of target.Vulnerabilities ?? []) {
      const diffId = v.Layer?.DiffID;
      const instruction = v.Layer?.CreatedBy ?? (diffId ? createdBy.get(diffId) : undefined);
      layers.set(keyOf(v.VulnerabilityID, v.PkgName, v.InstalledVersion), {
        ...(v.Layer?.Digest ? { digest: v.Layer.Digest } : {}),
        ...(diffId ? { diffId } : {}),
        ...(instruction ? { createdBy: instruction } : {}),
      });
    }
  }
  return { ref: report.ArtifactName, layers };
}

// ---- Grype: matches[].artifact.locations[].layerID, source.target.userInput ----

const GrypeImageReportSchema = z.looseObject({
  source: z
    .looseObject({ target: z.looseObject({ userInput: z.string().optional() }).optional() })
    .optional(),
  matches: z.array(
    z.looseObject({
      vulnerability: z.looseObject({ id: z.string() }),
      artifact: z.looseObject({
        name: z.string(),
        version: z.string().optional(),
        locations: z
          .array(z.looseObject({ path: z.string().optional(), layerID: z.string().optional() }))
          .optional(),
      }),
    }),
  ),
});

export function grypeImageLayers(
  data: unknown,
  keyOf: (ruleId: string, name: string, version: string | undefined) => string,
): ImageLayers {
  const report = GrypeImageReportSchema.parse(data);
  const layers = new Map<string, Layer>();
  for (const match of report.matches) {
    const diffId = match.artifact.locations?.find((location) => location.layerID)?.layerID;
    if (!diffId) continue;
    layers.set(
      keyOf(
        `${match.vulnerability.id}-${match.artifact.name}`,
        match.artifact.name,
        match.artifact.version,
      ),
      { diffId },
    );
  }
  return { ref: report.source?.target?.userInput, layers };
}
