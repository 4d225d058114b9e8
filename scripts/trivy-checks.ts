// Writes src/scanners/trivy-checks.ts — id, title and severity of every Trivy misconfiguration
// check of the families scanfold pairs with Checkov — from the trivy-checks Go module the pinned
// Trivy builds with (its own check metadata, the METADATA block of each Rego check).
//   node scripts/trivy-checks.ts          regenerate the table (module from the Go module cache)
//   node scripts/trivy-checks.ts --fetch  only make sure the module is in the Go module cache
// test/iac-pairs.test.ts checks the table is in step with the module.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parse as parseYaml } from 'yaml';

const REPO = path.resolve(import.meta.dirname, '..');
const FAMILIES = ['docker', 'kubernetes', 'cloud/aws', 'cloud/azure', 'cloud/google'];

interface GoModule {
  Dir: string;
  GoMod: string;
  Version: string;
}

export interface TrivyCheckMetadata {
  id: string;
  title: string;
  severity: string;
}

/** A module's directory in the Go module cache (capitals escaped as Go does: "!x"). */
function cachedModule(module: string): GoModule | undefined {
  const cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  const [modulePath = '', version = ''] = module.split('@');
  const escape = (text: string): string => text.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
  const dir = path.join(cache, `${escape(modulePath)}@${escape(version)}`);
  return existsSync(path.join(dir, 'go.mod'))
    ? { Dir: dir, GoMod: path.join(dir, 'go.mod'), Version: version }
    : undefined;
}

/** A module from the Go module cache; with `network`, downloaded through the Go proxy if missing. */
function download(module: string, network: boolean): GoModule {
  const cached = cachedModule(module);
  if (cached) return cached;
  if (!network)
    throw new Error(
      `${module} is not in the Go module cache; run: node scripts/trivy-checks.ts --fetch (npm run setup does)`,
    );
  const output = execFileSync('go', ['mod', 'download', '-json', module], {
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=mod' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(output) as GoModule;
}

function pinnedTrivy(): { version: string; registry: { module: string; version: string } } {
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'tools.json'), 'utf8')) as {
    tools: { trivy: { version: string; registry: { module: string; version: string } } };
  };
  return manifest.tools.trivy;
}

/** The trivy-checks module version the pinned Trivy (tools.json) requires. */
export function trivyChecksModule(network = false): GoModule {
  const { module, version } = pinnedTrivy().registry;
  const trivy = download(`${module}@${version}`, network);
  const required = /^\s*github\.com\/aquasecurity\/trivy-checks (\S+)/m.exec(
    readFileSync(trivy.GoMod, 'utf8'),
  )?.[1];
  if (!required) throw new Error(`${trivy.GoMod}: no trivy-checks requirement`);
  return download(`github.com/aquasecurity/trivy-checks@${required}`, network);
}

function regoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter(
      (entry) =>
        entry.isFile() && entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego'),
    )
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The METADATA comment block at the top of a Rego check, as YAML. */
function metadataOf(rego: string): TrivyCheckMetadata | undefined {
  const lines = rego.split('\n');
  const start = lines.findIndex((line) => line.trim() === '# METADATA');
  if (start < 0) return undefined;
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('#')) break;
    block.push(line.replace(/^# ?/, ''));
  }
  const data = parseYaml(block.join('\n')) as {
    title?: string;
    custom?: { id?: string; severity?: string };
  } | null;
  const id = data?.custom?.id;
  // Deprecated checks stay: older Trivy outputs (and `scanfold merge` of them) still carry them.
  if (!id || !data?.title || !data.custom?.severity) return undefined;
  return { id, title: data.title.trim(), severity: data.custom.severity.toLowerCase() };
}

export function readTrivyChecks(moduleDir: string): TrivyCheckMetadata[] {
  const checks = new Map<string, TrivyCheckMetadata>();
  for (const family of FAMILIES) {
    for (const file of regoFiles(path.join(moduleDir, 'checks', family))) {
      const metadata = metadataOf(readFileSync(file, 'utf8'));
      if (metadata) checks.set(metadata.id, metadata);
    }
  }
  return [...checks.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The table's source, formatted as the repository's Prettier config wants it. */
export async function trivyChecksSource(module: GoModule): Promise<string> {
  const rows = readTrivyChecks(module.Dir).map(
    (check) =>
      `  [${JSON.stringify(check.id)}, ${JSON.stringify(check.severity)}, ${JSON.stringify(check.title)}],`,
  );
  const source = `// Generated by scripts/trivy-checks.ts from github.com/aquasecurity/trivy-checks@${module.Version}
// (the version Trivy ${pinnedTrivy().version} builds with). Do not edit.
import type { Severity } from '../model/finding.ts';

/** Trivy's misconfiguration checks: id, severity, title. */
export const TRIVY_CHECK_ROWS: readonly (readonly [string, Severity, string])[] = [
${rows.join('\n')}
];
`;
  const target = path.join(REPO, 'src', 'scanners', 'trivy-checks.ts');
  return format(source, { ...(await resolveConfig(target)), filepath: target });
}

if (import.meta.main) {
  const fetchOnly = process.argv.includes('--fetch');
  const module = trivyChecksModule(fetchOnly);
  if (!fetchOnly)
    writeFileSync(
      path.join(REPO, 'src', 'scanners', 'trivy-checks.ts'),
      await trivyChecksSource(module),
    );
}
