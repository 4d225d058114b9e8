import { existsSync } from 'node:fs';
import { glob, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, ThreadFlowLocation } from 'sarif';
import { z } from 'zod';
import type { AttemptOutcome, ScanContext, ScannerAdapter } from './adapter.ts';
import { driverContains, outcomeOf } from './adapter.ts';
import { isExcluded } from './exclude.ts';
import { parseOutputs } from './common.ts';
import { jsonFileText } from './read-output.ts';

/** go.mod files that define modules to analyse: not vendored copies, not test data, not excluded. */
function moduleDirs(files: readonly string[], exclude: readonly string[]): string[] {
  return files
    .filter((file) => path.posix.basename(file) === 'go.mod' && !isExcluded(file, exclude))
    .map((file) => path.posix.dirname(file))
    .filter((dir) => !dir.split('/').some((part) => part === 'vendor' || part === 'testdata'))
    .sort();
}

/** The Go vulnerability DB: `<osv dbDir>/govulndb` (tools/testdb/osv layout) when configured. */
function localDb(context: { config: ScanContext['config'] }): string | undefined {
  const dir = context.config.osv.dbDir;
  return dir ? path.join(dir, 'govulndb') : undefined;
}

// ---- govulncheck -format json: a stream of pretty-printed JSON objects ----

const FrameSchema = z.looseObject({
  module: z.string(),
  version: z.string().optional(),
  package: z.string().optional(),
  function: z.string().optional(),
  receiver: z.string().optional(),
  position: z
    .looseObject({
      filename: z.string().optional(),
      line: z.number().optional(),
      column: z.number().optional(),
    })
    .optional(),
});
type Frame = z.infer<typeof FrameSchema>;

const MessageSchema = z.looseObject({
  config: z
    .looseObject({ scanner_version: z.string().optional(), scan_level: z.string().optional() })
    .optional(),
  osv: z
    .looseObject({
      id: z.string(),
      aliases: z.array(z.string()).optional(),
      summary: z.string().optional(),
      details: z.string().optional(),
      database_specific: z.looseObject({ url: z.string().optional() }).optional(),
    })
    .optional(),
  finding: z
    .looseObject({
      osv: z.string(),
      fixed_version: z.string().optional(),
      trace: z.array(FrameSchema).min(1),
    })
    .optional(),
});
type Message = z.infer<typeof MessageSchema>;

/** Split concatenated JSON values (govulncheck's output is not one document, nor NDJSON). */
export function splitJsonStream(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
      if (depth < 0) throw new Error(`unbalanced JSON at offset ${i}`);
    } else if (depth === 0 && !/\s/.test(char ?? '')) {
      throw new Error(`unexpected ${JSON.stringify(char)} between JSON values at offset ${i}`);
    }
  }
  if (depth !== 0 || inString) throw new Error('truncated JSON stream');
  return values;
}

const stripV = (version: string | undefined): string | undefined => version?.replace(/^v/, '');

function symbolOf(frame: Frame): string {
  const name = frame.receiver
    ? `${frame.receiver.replace(/^\*/, '')}.${frame.function ?? ''}`
    : (frame.function ?? '');
  return frame.package ? `${frame.package}.${name}` : name;
}

/** Called (a frame names a function), imported (a package), or only required (the module). */
type Level = 'called' | 'imported' | 'required';

function levelOf(trace: readonly Frame[]): Level {
  const vulnerable = trace[0];
  return vulnerable?.function ? 'called' : vulnerable?.package ? 'imported' : 'required';
}

const SARIF_LEVEL: Record<Level, Result.level> = {
  called: 'error',
  imported: 'warning',
  required: 'note',
};

const MESSAGE: Record<Level, string> = {
  called: 'calls the vulnerable code',
  imported: "imports the vulnerable package but doesn't appear to call the vulnerable symbols",
  required: "requires the vulnerable module but doesn't import the vulnerable package",
};

/**
 * One SARIF result per advisory and module, at the deepest level govulncheck reached, with the
 * shortest call path as a code flow. Located at the module's go.mod (relative to the scan root).
 */
export function govulncheckToSarif(messages: readonly Message[], moduleDir: string): Log {
  const osvs = new Map(messages.flatMap((m) => (m.osv ? [[m.osv.id, m.osv] as const] : [])));
  const best = new Map<string, { finding: NonNullable<Message['finding']>; level: Level }>();
  const rank: Record<Level, number> = { required: 0, imported: 1, called: 2 };
  for (const { finding } of messages) {
    if (!finding) continue;
    const module = finding.trace[0]?.module ?? '';
    const key = `${finding.osv}|${module}`;
    const level = levelOf(finding.trace);
    const known = best.get(key);
    if (
      !known ||
      rank[level] > rank[known.level] ||
      (level === known.level && finding.trace.length < known.finding.trace.length)
    )
      best.set(key, { finding, level });
  }
  const goMod = moduleDir === '.' ? 'go.mod' : `${moduleDir}/go.mod`;
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const { finding, level } of [...best.values()].sort((a, b) =>
    a.finding.osv < b.finding.osv ? -1 : a.finding.osv > b.finding.osv ? 1 : 0,
  )) {
    const osv = osvs.get(finding.osv);
    const vulnerable = finding.trace[0];
    if (!vulnerable) continue;
    if (!rules.has(finding.osv))
      rules.set(finding.osv, {
        id: finding.osv,
        shortDescription: { text: osv?.summary ?? finding.osv },
        ...(osv?.details ? { fullDescription: { text: osv.details } } : {}),
        helpUri: osv?.database_specific?.url ?? `https://pkg.go.dev/vuln/${finding.osv}`,
        // SARIF tags are unique; the Go database lists some aliases twice (GO-2025-4008).
        properties: { tags: [...new Set(['vulnerability', 'security', ...(osv?.aliases ?? [])])] },
      });
    const version = stripV(vulnerable.version);
    const fixed = stripV(finding.fixed_version);
    const caller = finding.trace.length > 1 ? finding.trace[1] : undefined;
    const where =
      level === 'called' && caller
        ? `: ${symbolOf(caller)}${caller.position?.filename ? ` (${caller.position.filename}:${caller.position.line ?? 0})` : ''} calls ${symbolOf(vulnerable)}`
        : '';
    const flow: ThreadFlowLocation[] = [...finding.trace]
      .reverse()
      .filter((frame) => frame.module !== 'stdlib' || frame === vulnerable)
      .map((frame) => ({
        module: `${frame.module}${frame.version ? `@${frame.version}` : ''}`,
        location: {
          message: { text: symbolOf(frame) },
          // Only the analysed module's own frames (no version) have files in the repository.
          ...(frame.position?.filename && !frame.version && frame.module !== 'stdlib'
            ? {
                physicalLocation: {
                  artifactLocation: {
                    uri:
                      moduleDir === '.'
                        ? frame.position.filename
                        : `${moduleDir}/${frame.position.filename}`,
                  },
                  region: {
                    startLine: frame.position.line ?? 1,
                    ...(frame.position.column ? { startColumn: frame.position.column } : {}),
                  },
                },
              }
            : {}),
        },
      }));
    results.push({
      ruleId: finding.osv,
      level: SARIF_LEVEL[level],
      message: {
        text: `${finding.osv}: ${vulnerable.module}@${vulnerable.version ?? '?'} — the module ${MESSAGE[level]}${where}.${fixed ? ` Fixed in ${fixed}.` : ''}`,
      },
      locations: [{ physicalLocation: { artifactLocation: { uri: goMod } } }],
      ...(level === 'called' ? { codeFlows: [{ threadFlows: [{ locations: flow }] }] } : {}),
      properties: {
        tags: ['vulnerability'],
        'scanfold/package': {
          name: vulnerable.module,
          ...(version ? { version } : {}),
          ...(fixed ? { fixedVersion: fixed } : {}),
          ecosystem: 'gomod',
          ...(vulnerable.module !== 'stdlib' && vulnerable.version
            ? { purl: `pkg:golang/${vulnerable.module}@${vulnerable.version}` }
            : {}),
        },
        'scanfold/aliases': [finding.osv, ...(osv?.aliases ?? [])],
        'scanfold/reachable': level === 'called',
      },
    });
  }
  const version = messages.find((m) => m.config)?.config?.scanner_version;
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'govulncheck',
            informationUri: 'https://pkg.go.dev/golang.org/x/vuln/cmd/govulncheck',
            ...(version ? { semanticVersion: version.replace(/^v/, '') } : {}),
            rules: [...rules.values()],
          },
        },
        results,
      },
    ],
  };
}

async function scanModule(
  context: ScanContext,
  dir: string,
  index: number,
): Promise<AttemptOutcome> {
  const json = path.join(context.workDir, `govulncheck-${index}.json`);
  const sarif = path.join(context.workDir, `govulncheck-${index}.sarif`);
  const db = localDb(context);
  const args = [
    '-C',
    path.join(context.root, dir),
    ...(db ? ['-db', pathToFileURL(db).href] : []),
    '-format',
    'json',
    './...',
  ];
  // Offline: the Go command may use the module cache only, and never fetches a toolchain.
  const env: Record<string, string> = context.config.offline
    ? { GOPROXY: 'off', GOTOOLCHAIN: 'local' }
    : { GOTOOLCHAIN: 'local' };
  const exit = await context.exec(args, env);
  const outcome = outcomeOf(exit, [], { what: `govulncheck (${dir})` });
  if (outcome.kind !== 'ok') return outcome;
  await writeFile(json, exit.stdout);
  let messages: Message[];
  try {
    messages = splitJsonStream(exit.stdout).map((value) => MessageSchema.parse(value));
  } catch (error) {
    return {
      kind: 'failed',
      transient: false,
      message: `govulncheck (${dir}): unreadable JSON output: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  await writeFile(sarif, JSON.stringify(govulncheckToSarif(messages, dir), null, 2));
  return { kind: 'ok', files: [json, sarif] };
}

/** govulncheck's messages, when `data` is a report of its (the config message names it). */
function govulncheckMessages(data: unknown): Message[] | undefined {
  const parsed = z.array(MessageSchema).safeParse(data);
  if (!parsed.success) return undefined;
  const named = parsed.data.some(
    (message) =>
      (message.config as { scanner_name?: unknown } | undefined)?.scanner_name === 'govulncheck',
  );
  return named ? parsed.data : undefined;
}

/**
 * `govulncheck -format json` writes a stream of JSON objects. Alone (`scanfold merge` of it without
 * the SARIF a scan writes beside it) it is converted as for a module at the root: the stream does
 * not say which directory was analysed.
 */
const GOVULNCHECK_JSON = {
  label: 'govulncheck JSON',
  fromText(text: string): unknown {
    try {
      return govulncheckMessages(splitJsonStream(text));
    } catch {
      return undefined;
    }
  },
  toSarif(data: unknown): Log | undefined {
    const messages = govulncheckMessages(data);
    return messages ? govulncheckToSarif(messages, '.') : undefined;
  },
};

export const govulncheck: ScannerAdapter = {
  name: 'govulncheck',
  tool: 'govulncheck',
  typicalSeconds: 3.9,
  title: 'govulncheck',
  description:
    'Go modules: known vulnerabilities, and whether the code calls them (marks the same findings of other tools reachable or not)',
  outputs:
    'JSON stream, converted to SARIF (one result per advisory and module, with the call path)',
  categories: ['vulnerability'],
  env: { GOFLAGS: '-mod=readonly' },
  exclude: { honoured: true },
  applies: (config, files) =>
    moduleDirs(files, config.exclude).length > 0
      ? { applies: true }
      : { applies: false, reason: 'no go.mod' },
  versionArgs: ['-version'],
  parseVersion: (stdout) => /govulncheck@v?(\d+\.\d+\.\d+)/.exec(stdout)?.[1],
  async scan(context) {
    const db = localDb(context);
    if (context.config.offline && !(db && existsSync(path.join(db, 'index', 'modules.json'))))
      return {
        kind: 'skipped',
        reason: `offline and no Go vulnerability DB in ${db ?? '(no --osv-db-dir)'}/index`,
      };
    const goMods: string[] = [];
    for await (const file of glob('**/go.mod', {
      cwd: context.root,
      exclude: (name) =>
        ['.git', 'node_modules', 'vendor', 'testdata'].includes(path.basename(name)),
    }))
      goMods.push(file.split(path.sep).join('/'));
    const dirs = moduleDirs(goMods, context.config.exclude);
    const files: string[] = [];
    for (const [index, dir] of dirs.entries()) {
      const outcome = await scanModule(context, dir, index + 1);
      if (outcome.kind !== 'ok') return outcome;
      files.push(...outcome.files);
    }
    return {
      kind: 'ok',
      files,
      notes: [`analysed ${dirs.length} Go module(s): ${dirs.join(', ')}`],
    };
  },
  parse: (outputs) => parseOutputs(outputs, GOVULNCHECK_JSON),
  ownsDriver: driverContains('govulncheck'),
  nativeJson: GOVULNCHECK_JSON,
  categoryOf: () => 'vulnerability',
};

export async function readGovulncheckJson(file: string): Promise<Message[]> {
  return splitJsonStream(jsonFileText(path.basename(file), await readFile(file))).map((value) =>
    MessageSchema.parse(value),
  );
}
