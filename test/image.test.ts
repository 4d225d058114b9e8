import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../src/config/load.ts';
import { ConfigurationError } from '../src/model/errors.ts';
import { parseImageRef, syftSource, trivyImageArgs } from '../src/plan/image.ts';
import { createdByDiffId, localImageHistory } from '../src/scanners/image-output.ts';
import { buildImage, fixtureImageLayers } from './support/oci-image.ts';
import { REPO_ROOT } from './support/run-cli.ts';

test('image references: archives and layouts resolve against the root; daemon and registry refs pass through', () => {
  const root = '/work/app';
  const archive = parseImageRef('docker-archive:build/app.tar', root);
  assert.deepEqual(archive, {
    ref: 'docker-archive:build/app.tar',
    kind: 'docker-archive',
    source: '/work/app/build/app.tar',
  });
  assert.deepEqual(trivyImageArgs(archive), ['--input', '/work/app/build/app.tar']);
  assert.equal(syftSource(archive), 'docker-archive:/work/app/build/app.tar');
  const layout = parseImageRef('oci-dir:/tmp/oci', root);
  assert.deepEqual(trivyImageArgs(layout), ['--input', '/tmp/oci']);
  assert.equal(syftSource(layout), 'oci-dir:/tmp/oci');
  const daemon = parseImageRef('docker:app:latest', root);
  assert.deepEqual(trivyImageArgs(daemon), ['--image-src', 'docker', 'app:latest']);
  assert.equal(syftSource(daemon), 'docker:app:latest');
  const remote = parseImageRef('registry:ghcr.io/o/app@sha256:abc', root);
  assert.deepEqual(trivyImageArgs(remote), ['--image-src', 'remote', 'ghcr.io/o/app@sha256:abc']);
  const plain = parseImageRef('alpine:3.19', root);
  assert.deepEqual(plain, { ref: 'alpine:3.19', kind: 'auto', source: 'alpine:3.19' });
  assert.deepEqual(trivyImageArgs(plain), ['alpine:3.19']);
  assert.equal(syftSource(plain), 'alpine:3.19');
});

test('image references that could be read as options or are empty are configuration errors', () => {
  for (const bad of ['', '   ', 'docker-archive:', '--input=/etc', 'registry:-x', 'a\nb'])
    assert.throws(() => parseImageRef(bad, '/'), ConfigurationError, JSON.stringify(bad));
});

test('config: --image values are de-duplicated and parsed once; local images must exist', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scanfold-image-config-'));
  await mkdir(path.join(root, 'layout'));
  await writeFile(path.join(root, 'layout', 'index.json'), '{}');
  await writeFile(path.join(root, 'app.tar'), '');
  const config = resolveConfig({
    root,
    overrides: {
      images: ['alpine:3.19', 'oci-dir:layout', 'alpine:3.19', 'docker-archive:app.tar'],
    },
  });
  assert.deepEqual(
    config.images.map((image) => [image.kind, image.source]),
    [
      ['auto', 'alpine:3.19'],
      ['oci-dir', path.join(root, 'layout')],
      ['docker-archive', path.join(root, 'app.tar')],
    ],
  );
  const fails = (image: string, message: RegExp) =>
    assert.throws(
      () => resolveConfig({ root, overrides: { images: [image] } }),
      (error: Error) => {
        assert.ok(error instanceof ConfigurationError);
        assert.match(error.message, message);
        return true;
      },
    );
  fails(
    'docker-archive:missing.tar',
    /^image docker-archive:missing\.tar: .*missing\.tar does not exist$/,
  );
  fails('docker-archive:layout', /is a directory; a docker-archive is a tar file/);
  fails('oci-dir:app.tar', /is not an OCI image layout \(no index\.json\)/);
});

test('layer instructions pair with diff IDs, skipping history entries that made no layer', () => {
  const map = createdByDiffId(
    [
      { created_by: 'ADD rootfs.tar /' },
      { created_by: 'ENV A=1', empty_layer: true },
      { created_by: 'RUN apk add openssl' },
    ],
    ['sha256:a', 'sha256:b'],
  );
  assert.deepEqual(
    [...map],
    [
      ['sha256:a', 'ADD rootfs.tar /'],
      ['sha256:b', 'RUN apk add openssl'],
    ],
  );
});

test("layer instructions are read from a local image's own config (docker-archive and OCI layout)", async () => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'scanfold-history-'));
  const layers = fixtureImageLayers(REPO_ROOT);
  for (const format of ['docker-archive', 'oci-dir'] as const) {
    const built = buildImage({
      layers,
      out: path.join(work, format),
      format,
      tag: 'scanfold/fixture:1',
    });
    const history = await localImageHistory(parseImageRef(built.ref, work));
    assert.deepEqual(
      [...history],
      built.diffIds.map((diffId, index) => [diffId, layers[index]?.createdBy]),
      format,
    );
  }
  assert.equal((await localImageHistory(parseImageRef('alpine:3.19', work))).size, 0);
  assert.equal(
    (await localImageHistory(parseImageRef(`docker-archive:${path.join(work, 'nope.tar')}`, work)))
      .size,
    0,
  );
});
