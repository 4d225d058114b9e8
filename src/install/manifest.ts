import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../config/package-root.ts';
import { formatZodIssues } from '../config/load.ts';
import { ConfigurationError } from '../model/errors.ts';

const ReleaseSchema = z
  .object({
    url: z.string().url(),
    /** The archive's SHA-256, pinned here: the strongest check, used wherever a published value is known. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    /**
     * The release's own checksums file (`<sha256>  <file name>` lines), as the tool's installer
     * verifies against it (Anchore's install.sh does for Syft and Grype).
     */
    checksums: z.string().url().optional(),
    /** Path of the binary inside the archive; absent for a bare binary. */
    binary: z.string().optional(),
  })
  .refine((release) => release.sha256 !== undefined || release.checksums !== undefined, {
    message: 'a release needs a pinned sha256 or a checksums file to verify against',
  });
export type Release = z.infer<typeof ReleaseSchema>;

const RegistrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pypi'),
    package: z.string(),
    version: z.string(),
    /**
     * A hash-locked requirements file (every distribution, dependencies included, with its SHA-256
     * from PyPI), relative to tools.json: installed with `pip --require-hashes`.
     */
    requirements: z.string().optional(),
  }),
  z.object({
    kind: z.literal('go'),
    module: z.string(),
    version: z.string(),
    package: z.string(),
    ldflags: z.string().default(''),
    /** Build environment, e.g. GOEXPERIMENT for tools that need one. */
    env: z.record(z.string(), z.string()).default({}),
    /**
     * `build` (the default) compiles a copy of the module (works with replace directives); `install` runs
     * `go install module/package@version`, which records the module version in the binary's build
     * info, for tools that report their version from it (govulncheck). Needs no replace directives.
     */
    method: z.enum(['build', 'install']).optional(),
  }),
]);
export type RegistrySource = z.infer<typeof RegistrySchema>;

const ToolSchema = z.object({
  version: z.string(),
  registry: RegistrySchema,
  /** Keyed by `${process.platform}-${process.arch}`, e.g. linux-x64. */
  releases: z.record(z.string(), ReleaseSchema).default({}),
});
export type ToolSpec = z.infer<typeof ToolSchema>;

export const ManifestSchema = z.object({ tools: z.record(z.string(), ToolSchema) });
export type Manifest = z.infer<typeof ManifestSchema>;

export function loadManifest(file = path.join(packageRoot(), 'tools.json')): Manifest {
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new ConfigurationError(formatZodIssues(`tool manifest ${file}`, parsed.error));
  for (const tool of Object.values(parsed.data.tools)) {
    if (tool.registry.kind === 'pypi' && tool.registry.requirements)
      tool.registry.requirements = path.resolve(path.dirname(file), tool.registry.requirements);
  }
  return parsed.data;
}
