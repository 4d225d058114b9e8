// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into ESM files that need nothing
// beside them but their chunks (dist/chunks/).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, transform } from 'esbuild';

// The generated validators (src/outputs/generated/, 1.3 MB) stay readable in the repository, one
// statement a line; in the bundle their local names are shortened, 420 kB less in each file.
const shortValidators = {
  name: 'short-validators',
  setup(plugin) {
    plugin.onLoad(
      { filter: /[\\/]src[\\/]outputs[\\/]generated[\\/][^\\/]+\.js$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        const { code } = await transform(source, {
          format: 'esm',
          target: 'node24',
          minifyIdentifiers: true,
          minifySyntax: true,
        });
        return { contents: code, loader: 'js', resolveDir: path.dirname(args.path) };
      },
    );
  },
};

// zod bundles its error messages in some 50 languages (357 kB, half of its chunk, compiled before
// the first scanner starts) behind `z.locales`; scanfold uses English only, which zod sets itself.
const englishOnly = {
  name: 'zod-english-only',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? {
            // Relative: the path is printed into the bundle, which must not depend on the checkout.
            path: path.relative(
              process.cwd(),
              path.join(path.dirname(args.importer), '../locales/index.js'),
            ),
            namespace: 'zod-en',
          }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
      resolveDir: path.resolve(path.dirname(args.path)),
    }));
  },
};

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
  plugins: [shortValidators, englishOnly],
};
// Code split: what is imported dynamically (the SBOM builder and the output validators, half of
// each bundle) is a chunk of its own, compiled only when loaded. Chunks of old builds are removed
// first, so dist/ holds exactly what this build wrote.
await rm('dist/chunks', { recursive: true, force: true });
const split = { splitting: true, outdir: 'dist', chunkNames: 'chunks/[name]-[hash]' };
await build({ ...common, ...split, entryPoints: { index: 'src/action/index.ts' }, banner });
// The same banner as the action's, so the chunks both share are one file; the CLI's shebang is
// put on its entry alone.
await build({ ...common, ...split, entryPoints: { cli: 'src/cli/index.ts' }, banner });
await writeFile('dist/cli.js', '#!/usr/bin/env node\n' + (await readFile('dist/cli.js', 'utf8')));
