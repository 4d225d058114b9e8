// A read-only OCI distribution registry on 127.0.0.1, serving one OCI image layout: enough of the
// API (https://github.com/opencontainers/distribution-spec) for Trivy, Syft and Grype to pull an
// image over plain HTTP, which their registry client (go-containerregistry) uses for loopback.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface LoopbackRegistry {
  /** `127.0.0.1:PORT` */
  host: string;
  requests: () => string[];
  close: () => Promise<void>;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export async function serveLayout(layout: string, repository: string): Promise<LoopbackRegistry> {
  const index = JSON.parse(readFileSync(path.join(layout, 'index.json'), 'utf8')) as {
    manifests: { digest: string; mediaType: string; annotations?: Record<string, string> }[];
  };
  const blob = (digest: string): Buffer | undefined => {
    if (!DIGEST.test(digest)) return undefined;
    const file = path.join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length));
    return existsSync(file) ? readFileSync(file) : undefined;
  };
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://registry');
    requests.push(`${request.method} ${url.pathname}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    if (url.pathname === '/v2/' || url.pathname === '/v2') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    const match = new RegExp(`^/v2/${repository}/(manifests|blobs)/([^/]+)$`).exec(url.pathname);
    if (!match) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN', message: url.pathname }] }));
      return;
    }
    const [, kind, reference = ''] = match;
    let digest = reference;
    let mediaType = 'application/octet-stream';
    if (kind === 'manifests') {
      const entry = index.manifests.find(
        (m) =>
          m.digest === reference ||
          m.annotations?.['org.opencontainers.image.ref.name'] === reference,
      );
      digest = entry?.digest ?? '';
      mediaType = entry?.mediaType ?? mediaType;
    }
    const body = blob(digest);
    if (!body) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: reference }] }));
      return;
    }
    response.writeHead(200, {
      'content-type': mediaType,
      'content-length': body.length,
      'docker-content-digest': digest,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => [...requests],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
