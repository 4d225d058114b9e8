// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into self-contained ESM files.
import { build } from 'esbuild';

const banner = {
  js: "import { createRequire as __scanfoldCreateRequire } from 'node:module'; const require = __scanfoldCreateRequire(import.meta.url); const __filename = import.meta.filename; const __dirname = import.meta.dirname;",
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // Optional XML support in the CycloneDX library is never used.
  external: ['libxmljs2', 'xmlbuilder2'],
};
await build({ ...common, entryPoints: ['src/action/index.ts'], outfile: 'dist/index.js', banner });
await build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node\n' + banner.js } });
