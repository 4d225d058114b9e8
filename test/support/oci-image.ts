// Builds a small container image offline, from fixture root filesystems (one directory a layer),
// as a docker-archive tarball (`docker save` layout) or an OCI image layout directory. No daemon,
// no registry: layers are made with `tar`, everything else is JSON written here.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LayerSpec {
  /** Directory whose contents become the layer. */
  dir: string;
  /** The Dockerfile instruction recorded in the image history for this layer. */
  createdBy: string;
}

export interface BuiltImage {
  /** `docker-archive:PATH` or `oci-dir:PATH`: what `--image` takes. */
  ref: string;
  path: string;
  /** Layer digests (uncompressed, so digest = diff ID), bottom first. */
  diffIds: string[];
  configDigest: string;
}

const sha256 = (data: Buffer | string): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** Write a reproducible tar of `dir` to `file`: sorted names, root-owned, epoch mtimes. */
function writeTar(dir: string, file: string): void {
  execFileSync('tar', [
    '--sort=name',
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '--mtime=@0',
    '-cf',
    file,
    '-C',
    dir,
    ...readdirSync(dir).sort(),
  ]);
}

function layerTar(dir: string, work: string, index: number): Buffer {
  const file = path.join(work, `layer-${index}.tar`);
  writeTar(dir, file);
  return readFileSync(file);
}

function imageConfig(diffIds: readonly string[], layers: readonly LayerSpec[]): string {
  return JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    created: '2024-01-01T00:00:00Z',
    config: { Cmd: ['/bin/sh'], Env: ['PATH=/usr/sbin:/usr/bin:/sbin:/bin'] },
    rootfs: { type: 'layers', diff_ids: diffIds },
    history: layers.map((layer) => ({
      created: '2024-01-01T00:00:00Z',
      created_by: layer.createdBy,
    })),
  });
}

export function buildImage(options: {
  layers: readonly LayerSpec[];
  out: string;
  format: 'docker-archive' | 'oci-dir';
  tag: string;
}): BuiltImage {
  const work = `${options.out}.work`;
  rmSync(work, { recursive: true, force: true });
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    const tars = options.layers.map((layer, index) => layerTar(layer.dir, work, index));
    const diffIds = tars.map((tar) => sha256(tar));
    const config = imageConfig(diffIds, options.layers);
    const configDigest = sha256(config);
    const hex = (digest: string): string => digest.slice('sha256:'.length);
    if (options.format === 'docker-archive') {
      const root = path.join(work, 'archive');
      mkdirSync(root);
      writeFileSync(path.join(root, `${hex(configDigest)}.json`), config);
      const layerPaths = tars.map((tar, index) => {
        const name = `${hex(diffIds[index] ?? '')}/layer.tar`;
        mkdirSync(path.join(root, path.dirname(name)));
        writeFileSync(path.join(root, name), tar);
        return name;
      });
      writeFileSync(
        path.join(root, 'manifest.json'),
        JSON.stringify([
          { Config: `${hex(configDigest)}.json`, RepoTags: [options.tag], Layers: layerPaths },
        ]),
      );
      writeTar(root, options.out);
      return { ref: `docker-archive:${options.out}`, path: options.out, diffIds, configDigest };
    }
    const blobs = path.join(options.out, 'blobs', 'sha256');
    mkdirSync(blobs, { recursive: true });
    const putBlob = (data: Buffer | string): string => {
      const digest = sha256(data);
      writeFileSync(path.join(blobs, hex(digest)), data);
      return digest;
    };
    putBlob(config);
    tars.forEach((tar) => putBlob(tar));
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: configDigest,
        size: Buffer.byteLength(config),
      },
      layers: tars.map((tar, index) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: diffIds[index],
        size: tar.length,
      })),
    });
    const manifestDigest = putBlob(manifest);
    writeFileSync(
      path.join(options.out, 'oci-layout'),
      JSON.stringify({ imageLayoutVersion: '1.0.0' }),
    );
    writeFileSync(
      path.join(options.out, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: manifestDigest,
            size: Buffer.byteLength(manifest),
            annotations: { 'org.opencontainers.image.ref.name': options.tag.split(':').pop() },
          },
        ],
      }),
    );
    return { ref: `oci-dir:${options.out}`, path: options.out, diffIds, configDigest };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The fixture image: an Alpine 3.19 base layer, then a layer that installs OpenSSL 3.1.4-r1. */
export function fixtureImageLayers(repoRoot: string): LayerSpec[] {
  const fixtures = path.join(repoRoot, 'test', 'fixtures', 'image');
  return [
    {
      dir: path.join(fixtures, 'base'),
      createdBy: 'ADD alpine-minirootfs-3.19.1-x86_64.tar.gz / # buildkit',
    },
    {
      dir: path.join(fixtures, 'openssl'),
      createdBy: 'RUN /bin/sh -c apk add --no-cache libssl3 # buildkit',
    },
  ];
}
