import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadManifest } from '../../src/install/manifest.ts';

/** A throwaway tool cache holding shell scripts in place of real scanners. */
export async function fakeToolCache(tools: Record<string, string>): Promise<string> {
  const cache = await mkdtemp(path.join(os.tmpdir(), 'scanfold-fake-tools-'));
  const manifest = loadManifest();
  for (const [name, script] of Object.entries(tools)) {
    const version = manifest.tools[name]?.version ?? '0.0.0';
    const bin = path.join(cache, name, version, 'bin');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, name), `#!/usr/bin/env bash\n${script}\n`);
    await chmod(path.join(bin, name), 0o755);
  }
  return cache;
}

export const MINIMAL_SARIF = JSON.stringify({
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'gitleaks', rules: [{ id: 'generic-api-key' }] } },
      results: [
        {
          ruleId: 'generic-api-key',
          message: { text: 'generic-api-key has detected secret for file app.py.' },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'app.py' }, region: { startLine: 3 } } },
          ],
        },
      ],
    },
  ],
});

/** A gitleaks stand-in: answers `version`, finds --report-path, then runs `body` with $out set. */
export function fakeGitleaks(body: string): string {
  return `if [ "$1" = version ]; then echo 8.30.1; exit 0; fi
out=""
while [ $# -gt 0 ]; do if [ "$1" = --report-path ]; then out="$2"; shift; fi; shift; done
${body}`;
}

export function fakeSyft(): string {
  return `if [ "$1" = version ]; then echo "Version: 1.57.1"; exit 0; fi
for arg in "$@"; do case "$arg" in cyclonedx-json=*) out="\${arg#cyclonedx-json=}";; esac; done
cat > "$out" <<'JSON'
{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[{"bom-ref":"a","type":"library","name":"lodash","version":"4.17.15","purl":"pkg:npm/lodash@4.17.15"}]}
JSON`;
}
