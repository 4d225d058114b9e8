// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into self-contained ESM files.
import { build } from 'esbuild';

// `var`, not `const`: bundled ESM dependencies may declare their own top-level `__filename`
// (e.g. @azure/storage-common's crc64.js); esbuild turns those into `var`, and a `var` next to
// a `const` of the same name is a SyntaxError that stops the bundle from loading at all.
const banner = {
  js: "import { createRequire as __scanfoldCreateRequire } from 'node:module'; var require = __scanfoldCreateRequire(import.meta.url); var __filename = import.meta.filename; var __dirname = import.meta.dirname;",
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
  // Node's built-in punycode is deprecated (a warning on every run); the npm package is the same code.
  alias: { punycode: 'punycode/' },
};
await build({ ...common, entryPoints: ['src/action/index.ts'], outfile: 'dist/index.js', banner });
await build({
  ...common,
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node\n' + banner.js },
});
