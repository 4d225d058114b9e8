// Writes requirements/<tool>.txt: every distribution `pip install <tool>==<pin>` may need on any
// platform and CPython a GitHub runner has (Linux x64/arm64, macOS x64/arm64, Windows x64;
// 3.9–3.13), each pinned with the SHA-256 of every file PyPI publishes for that version (all wheels
// and the sdist), so one lock serves every runner. Installed with `pip --require-hashes
// --only-binary=:all:`; src/install/pip-lock.ts reads the file-name comments to refuse, in one
// line, an interpreter for which the lock holds no wheel.
//
//   node scripts/lock-pypi.ts semgrep checkov [--download-dir DIR]
//
// Resolution across platforms and Python versions is uv's (`uv pip compile --universal`, which
// writes environment markers where the dependency set differs); the files and their digests come
// from PyPI's JSON API.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { loadManifest } from '../src/install/manifest.ts';
import { checkLockFit, runnerTargets } from '../src/install/pip-lock.ts';

const UV = 'uv==0.13.9';
const OLDEST_RUNNER_PYTHON = [3, 9] as const;
const INDEX = 'https://pypi.org';

const ProjectSchema = z.object({
  info: z.object({ requires_python: z.string().nullish() }),
  releases: z.record(
    z.string(),
    z.array(
      z.object({
        filename: z.string(),
        digests: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
      }),
    ),
  ),
});
type Project = z.infer<typeof ProjectSchema>;

const projects = new Map<string, Project>();
async function project(name: string): Promise<Project> {
  const known = projects.get(name);
  if (known) return known;
  const response = await fetch(`${INDEX}/pypi/${name}/json`);
  if (!response.ok) throw new Error(`${INDEX}/pypi/${name}/json: HTTP ${response.status}`);
  const parsed = ProjectSchema.parse(await response.json());
  projects.set(name, parsed);
  return parsed;
}

/** uv, pinned, installed once into the download directory (it only resolves; pip installs). */
function uv(root: string): string {
  const dir = path.join(root, UV.replace('==', '-'));
  const binary = path.join(dir, 'bin', 'uv');
  if (!existsSync(binary))
    execFileSync('python3', ['-m', 'pip', 'install', '--quiet', '--target', dir, UV], {
      stdio: 'inherit',
    });
  return binary;
}

/** The lowest `3.N` the tool's Requires-Python allows, but no lower than a runner's oldest. */
function lowestPython(requiresPython: string | null | undefined): string {
  const floor = /^\s*>=\s*3\.(\d+)/.exec(requiresPython ?? '')?.[1];
  const minor = Math.max(OLDEST_RUNNER_PYTHON[1], floor ? Number(floor) : 0);
  return `${OLDEST_RUNNER_PYTHON[0]}.${minor}`;
}

async function lock(tool: string, root: string): Promise<string> {
  const spec = loadManifest().tools[tool];
  if (spec?.registry.kind !== 'pypi') throw new Error(`${tool}: not a PyPI tool in tools.json`);
  const pin = `${spec.registry.package}==${spec.registry.version}`;
  const requiresPython = (await project(spec.registry.package)).info.requires_python;
  const python = lowestPython(requiresPython);
  mkdirSync(root, { recursive: true });
  const input = path.join(root, `${tool}.in`);
  writeFileSync(input, `${pin}\n`);
  const resolved = execFileSync(
    uv(root),
    [
      'pip',
      'compile',
      '--quiet',
      '--universal',
      '--python-version',
      python,
      '--no-header',
      '--no-annotate',
      '--index-url',
      `${INDEX}/simple`,
      input,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const blocks: string[] = [];
  for (const line of resolved.split('\n').filter((text) => /^[a-z0-9]/i.test(text))) {
    const match = /^([a-z0-9._-]+)==(\S+)(?:\s*;\s*(.+))?$/i.exec(line.trim());
    if (!match?.[1] || !match[2]) throw new Error(`${tool}: cannot read uv's line ${line}`);
    const [, name, version, marker] = match;
    const files = (await project(name)).releases[version] ?? [];
    if (files.length === 0) throw new Error(`${tool}: PyPI lists no file for ${name}==${version}`);
    const sorted = [...files].sort((a, b) => (a.filename < b.filename ? -1 : 1));
    blocks.push(
      [
        ...sorted.map((file) => `#   ${file.filename} sha256:${file.digests.sha256}`),
        `${name}==${version}${marker ? ` ; ${marker}` : ''} \\`,
        [...new Set(sorted.map((file) => file.digests.sha256))]
          .sort()
          .map((digest) => `    --hash=sha256:${digest}`)
          .join(' \\\n'),
      ].join('\n'),
    );
  }
  const body = blocks.join('\n') + '\n';
  const file = path.join(root, `${tool}.lock.txt`);
  writeFileSync(file, body);
  // What the lock covers, stated in its header and checked again by test/installer.test.ts.
  const gaps = new Map<string, Set<string>>();
  for (const target of runnerTargets()) {
    const fit = await checkLockFit('python3', file, target);
    const where = `${target.label} CPython ${target.python.split('.').slice(0, 2).join('.')}`;
    for (const requirement of fit.unfit)
      gaps.set(where, (gaps.get(where) ?? new Set()).add(requirement));
  }
  const uncovered = [...gaps].map(([where, missing]) => `#   ${where}: ${[...missing].join(', ')}`);
  return [
    `# ${pin} and every dependency it needs on any runner, hash-locked for pip --require-hashes.`,
    `# Generated by scripts/lock-pypi.ts (resolved by ${UV} pip compile --universal for Python >= ${python};`,
    '# before each requirement, every file PyPI publishes for that version and its sha256); do not edit.',
    '# Checked for linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64 with CPython 3.9-3.13',
    `# (${pin} requires Python ${requiresPython ?? 'of any version'}).`,
    ...(uncovered.length > 0
      ? [
          '# No locked wheel (the installer refuses these, naming platform and Python):',
          ...uncovered,
        ]
      : ['# Every one of them has a locked wheel for every requirement.']),
    body,
  ].join('\n');
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--download-dir');
  const root =
    at >= 0 ? path.resolve(args[at + 1] ?? '.') : path.join(os.tmpdir(), 'scanfold-pypi-lock');
  const tools = at >= 0 ? args.filter((_, index) => index !== at && index !== at + 1) : args;
  for (const tool of tools) {
    const file = new URL(`../requirements/${tool}.txt`, import.meta.url);
    mkdirSync(new URL('../requirements/', import.meta.url), { recursive: true });
    writeFileSync(file, await lock(tool, root));
    console.log(`requirements/${tool}.txt written`);
  }
}
