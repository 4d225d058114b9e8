import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveConfig } from '../config/load.ts';
import { FAIL_ON } from '../config/schema.ts';
import type { FileConfig } from '../config/schema.ts';
import { defaultToolCache } from '../config/schema.ts';
import { EXIT, scan } from '../engine.ts';
import { ensureTool } from '../install/installer.ts';
import { loadManifest } from '../install/manifest.ts';
import { importFiles } from '../import/import.ts';
import { ConfigurationError, errorMessage } from '../model/errors.ts';
import { systemClock } from '../model/ports.ts';
import { safeLogLine } from '../outputs/escape.ts';
import { prepareOutputDir } from '../outputs/write.ts';
import { adapterNamed, ADAPTERS, SCANNER_NAMES } from '../scanners/registry.ts';
import { consoleLogger } from './console-logger.ts';
import { summaryTable } from './summary.ts';

const HELP: Record<string, string> = {
  main: `scanfold — run security scanners in parallel and merge their results

Usage:
  scanfold scan [path] [options]      scan a directory
  scanfold install [--scanners ...]   install the pinned scanners into the tool cache
  scanfold merge FILE... --out DIR    merge existing SARIF / CycloneDX / native scanner outputs
  scanfold <command> --help           help for one command

Exit codes: 0 complete and gate passed, 1 gate failed, 2 usage or configuration error,
3 one or more scanners failed or timed out (the others' results are still written).`,
  scan: `Usage: scanfold scan [path] [options]

Options:
  --scanners LIST        comma-separated (default: all):
${ADAPTERS.map((adapter) => `                           ${adapter.name.padEnd(Math.max(...ADAPTERS.map((a) => a.name.length)))} ${adapter.description}`).join('\n')}
  --out DIR              output directory (default: scanfold-results, relative to path)
  --config FILE          config file (default: .scanfold.yml in path, if present)
  --fail-on LEVEL        ${FAIL_ON.join('|')} (default: high)
  --baseline FILE        a previous report.json: findings are marked new or unchanged, gone ones
                         are listed as fixed
  --fail-on-scope SCOPE  new|all: which findings the gate counts (default: new with a baseline)
  --retries N            retries for transient failures (default: 2)
  --timeout-minutes N    per-scanner timeout (default: 15)
  --concurrency N        scanners run at once (default: CPU count)
  --offline              never download vulnerability DBs; use cached ones or skip vuln scanning
  --trivy-cache-dir DIR  Trivy cache (DB in DIR/db)
  --grype-db-dir DIR     Grype DB cache
  --osv-db-dir DIR       local OSV data for OSV-Scanner (DIR/osv-scalibr) and govulncheck (DIR/govulndb)
  --image REF            also scan a container image (repeatable): docker-archive:PATH,
                         oci-dir:PATH, docker:NAME, registry:REF, or a plain reference
  --no-install           fail a scanner that is not installed instead of installing it
  --verbose              print every scanner output line
  -h, --help             this help`,
  install: `Usage: scanfold install [--scanners LIST] [--tool-cache DIR]

Installs the pinned scanner versions from tools.json into the per-user tool cache
(${defaultToolCache()}): release download verified by SHA-256, else the PyPI / Go module
registry. Reuses verified installs.`,
  merge: `Usage: scanfold merge FILE... --out DIR [--fail-on LEVEL] [--config FILE]
                      [--baseline FILE] [--fail-on-scope new|all]

Imports SARIF 2.1.0 from any tool, CycloneDX JSON, and the native JSON of
${ADAPTERS.flatMap((adapter) => (adapter.nativeJson ? [adapter.title] : [])).join(', ')};
writes the same outputs as scan.`,
};

function parseList(value: string | undefined): string[] | undefined {
  return value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined;
}

function parseNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number))
    throw new ConfigurationError(`--${flag}: "${value}" is not a number`);
  return number;
}

async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scanners: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      'fail-on': { type: 'string' },
      baseline: { type: 'string' },
      'fail-on-scope': { type: 'string' },
      retries: { type: 'string' },
      'timeout-minutes': { type: 'string' },
      concurrency: { type: 'string' },
      offline: { type: 'boolean' },
      'trivy-cache-dir': { type: 'string' },
      'grype-db-dir': { type: 'string' },
      image: { type: 'string', multiple: true },
      'osv-db-dir': { type: 'string' },
      'no-install': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP.scan);
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw new ConfigurationError(`scan takes one path, got ${positionals.length}`);
  const overrides = {
    scanners: parseList(values.scanners),
    outputDir: values.out === undefined ? undefined : path.resolve(values.out),
    failOn: values['fail-on'],
    baseline: values.baseline === undefined ? undefined : path.resolve(values.baseline),
    failOnScope: values['fail-on-scope'],
    retries: parseNumber('retries', values.retries),
    timeoutMinutes: parseNumber('timeout-minutes', values['timeout-minutes']),
    concurrency: parseNumber('concurrency', values.concurrency),
    offline: values.offline,
    trivy: values['trivy-cache-dir'] ? { cacheDir: values['trivy-cache-dir'] } : undefined,
    grype: values['grype-db-dir'] ? { dbCacheDir: values['grype-db-dir'] } : undefined,
    images: values.image,
    osv: values['osv-db-dir'] ? { dbDir: values['osv-db-dir'] } : undefined,
  } as FileConfig;
  const config = resolveConfig({
    root: positionals[0] ?? '.',
    configFile: values.config,
    overrides,
    retryBaseMs: parseNumber('retry-base-ms', process.env.SCANFOLD_RETRY_BASE_MS),
  });
  const logger = consoleLogger({ verbose: values.verbose ?? false });
  logger.info(`scanfold: scanning ${config.root} with ${config.scanners.join(', ')}`);
  const outcome = await scan(config, {
    logger,
    clock: systemClock,
    install: !values['no-install'],
  });
  console.log(summaryTable(outcome.report));
  console.log(`\noutputs: ${safeLogLine(outcome.outputDir)}`);
  return outcome.exitCode;
}

async function installCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scanners: { type: 'string' },
      'tool-cache': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP.install);
    return EXIT.ok;
  }
  const names = parseList(values.scanners) ?? [...SCANNER_NAMES];
  const unknown = names.filter((name) => !adapterNamed(name));
  if (unknown.length)
    throw new ConfigurationError(
      `--scanners: unknown scanner(s) ${unknown.join(', ')}; known: ${SCANNER_NAMES.join(', ')}`,
    );
  const manifest = loadManifest();
  const logger = consoleLogger({ verbose: false });
  let failed = 0;
  // Independent installs (downloads, venvs, Go builds) run at once; scanners sharing a tool share
  // one install.
  const tools = [...new Set(names.map((name) => adapterNamed(name)?.tool ?? name))];
  const install = async (tool: string): Promise<void> => {
    const spec = manifest.tools[tool];
    if (!spec) throw new ConfigurationError(`${tool}: missing from tools.json`);
    const started = Date.now();
    try {
      const installed = await ensureTool(tool, spec, {
        toolCache: values['tool-cache'] ?? defaultToolCache(),
        logger,
        clock: systemClock,
        allowInstall: true,
        ignorePath: true,
      });
      console.log(
        `${tool} ${spec.version}: ${installed.source} ${installed.executable} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    } catch (error) {
      failed++;
      console.error(`error: ${safeLogLine(errorMessage(error))}`);
    }
  };
  for (const tool of tools)
    if (!manifest.tools[tool]) throw new ConfigurationError(`${tool}: missing from tools.json`);
  await Promise.all(tools.map(install));
  return failed ? EXIT.scannerFailed : EXIT.ok;
}

async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'fail-on': { type: 'string' },
      root: { type: 'string' },
      config: { type: 'string' },
      baseline: { type: 'string' },
      'fail-on-scope': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP.merge);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new ConfigurationError('merge: give at least one input file');
  if (!values.out) throw new ConfigurationError('merge: --out DIR is required');
  // The same config file and flags as scan, for the policy half (suppressions, baseline, gate).
  const config = resolveConfig({
    root: values.root ?? process.cwd(),
    configFile: values.config === undefined ? undefined : path.resolve(values.config),
    overrides: {
      failOn: values['fail-on'],
      baseline: values.baseline === undefined ? undefined : path.resolve(values.baseline),
      failOnScope: values['fail-on-scope'],
    } as FileConfig,
  });
  const logger = consoleLogger({ verbose: false });
  await prepareOutputDir(path.resolve(values.out));
  const outcome = await importFiles({
    files: positionals,
    outputDir: values.out,
    root: values.root ?? process.cwd(),
    failOn: config.failOn,
    exclude: config.exclude,
    logger,
    policy: {
      failOnScope: config.failOnScope,
      baseline: config.baseline,
      suppressions: config.suppressions,
      licenses: config.licenses,
    },
  });
  // Each error was logged once, as it happened.
  console.log(summaryTable(outcome.report));
  return outcome.exitCode;
}

/** Returns the process exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(rest);
      case 'install':
        return await installCommand(rest);
      case 'merge':
        return await mergeCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        console.log(HELP.main);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        console.error(`error: unknown command "${safeLogLine(command)}"\n\n${HELP.main}`);
        return EXIT.usage;
    }
  } catch (error) {
    const usage =
      error instanceof ConfigurationError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'));
    console.error(`error: ${safeLogLine(errorMessage(error))}`);
    return usage ? EXIT.usage : EXIT.scannerFailed;
  }
}
