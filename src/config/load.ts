import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { SettingsContext } from '../scanners/adapter.ts';
import { SCANNER_NAMES, TOOL_SETTINGS } from '../scanners/registry.ts';
import type { ToolSettingsConfig } from '../scanners/registry.ts';
import { ConfigurationError, errorMessage } from '../model/errors.ts';
import { checkLocalImage, parseImageRef } from '../plan/image.ts';
import { defaultToolCache, FileConfigSchema } from './schema.ts';
import type { FileConfig, ScanConfig } from './schema.ts';

const DEFAULT_CONFIG_FILES = ['.scanfold.yml', '.scanfold.yaml', '.scanfold.json'];

export interface ConfigRequest {
  root: string;
  /** Explicit config file; relative paths resolve against the scanned root. */
  configFile?: string | undefined;
  /** Values from action inputs or CLI flags; they override the file. */
  overrides?: FileConfig;
  toolCache?: string | undefined;
  retryBaseMs?: number | undefined;
}

export function formatZodIssues(where: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Edit distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate, when it is close enough to be a plausible typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.candidate.length / 3))
    ? best.candidate
    : undefined;
}

/** The object keys a zod schema accepts at a path (through optional, arrays, pipes). */
function keysAt(schema: z.ZodType, keyPath: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  const unwrap = (node: z.ZodType): z.ZodType => {
    let inner = node;
    for (let depth = 0; depth < 10; depth++) {
      if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault)
        inner = inner.unwrap() as z.ZodType;
      else if (inner instanceof z.ZodPipe) inner = inner.in as z.ZodType;
      else break;
    }
    return inner;
  };
  for (const key of keyPath) {
    if (!current) return [];
    const node = unwrap(current);
    if (node instanceof z.ZodObject)
      current = (node.shape as Record<string, z.ZodType>)[String(key)];
    else if (node instanceof z.ZodArray) current = node.element as z.ZodType;
    else return [];
  }
  const node = current ? unwrap(current) : undefined;
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function singular(keyPath: readonly PropertyKey[]): string {
  const name = [...keyPath].reverse().find((key) => typeof key === 'string') ?? 'value';
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

interface SourceMap {
  document: Document;
  lines: LineCounter;
}

/** 1-based line of the node at a path (or of the key itself, for an unknown key). */
function lineOf(
  source: SourceMap,
  keyPath: readonly PropertyKey[],
  key?: string,
): number | undefined {
  const offset = (node: YamlNode | null | undefined): number | undefined => node?.range?.[0];
  let at: number | undefined;
  if (key !== undefined) {
    const parent: unknown = keyPath.length
      ? source.document.getIn(keyPath as unknown[], true)
      : source.document.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      at = offset(pair?.key as YamlNode | undefined);
    }
  }
  for (let depth = keyPath.length; at === undefined && depth >= 0; depth--) {
    const node: unknown = depth
      ? source.document.getIn(keyPath.slice(0, depth) as unknown[], true)
      : source.document.contents;
    at = offset(node as YamlNode | undefined);
  }
  return at === undefined ? undefined : source.lines.linePos(at).line;
}

/**
 * One line per problem, naming the file, the line and the key, with the closest valid key or value:
 * `.scanfold.yml:3: scanners[0]: unknown scanner 'trivvy' — did you mean 'trivy'?`
 */
export function describeConfigIssues(
  file: string,
  error: z.ZodError,
  source: SourceMap | undefined,
): string[] {
  const display = path.relative(process.cwd(), file) || file;
  const keyName = (keyPath: readonly PropertyKey[]): string =>
    keyPath.reduce<string>(
      (text, key) =>
        typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
      '',
    );
  const lines: string[] = [];
  for (const issue of error.issues) {
    const where = (key?: string): string => {
      const line = source ? lineOf(source, issue.path, key) : undefined;
      return line === undefined ? display : `${display}:${line}`;
    };
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(FileConfigSchema, issue.path);
      for (const key of issue.keys) {
        const guess = closest(key, known);
        const full = keyName([...issue.path, key]);
        lines.push(
          `${where(key)}: unknown key '${full}'${guess ? ` — did you mean '${keyName([...issue.path, guess])}'?` : known.length ? ` (valid: ${known.join(', ')})` : ''}`,
        );
      }
      continue;
    }
    if (issue.code === 'invalid_value' && source) {
      const received: unknown = source.document.getIn(issue.path as unknown[]);
      const values = issue.values.map(String);
      const guess = typeof received === 'string' ? closest(received, values) : undefined;
      lines.push(
        `${where()}: ${keyName(issue.path)}: unknown ${singular(issue.path)} ${typeof received === 'string' ? `'${received}'` : JSON.stringify(received)}${guess ? ` — did you mean '${guess}'?` : ` (one of: ${values.join(', ')})`}`,
      );
      continue;
    }
    lines.push(`${where()}: ${keyName(issue.path) || '(root)'}: ${issue.message}`);
  }
  const lineNumber = (text: string): number => Number(/^[^:]*:(\d+):/.exec(text)?.[1] ?? 0);
  return lines.sort((a, b) => lineNumber(a) - lineNumber(b));
}

function readConfigFile(file: string): FileConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`config file ${file}: cannot be read: ${errorMessage(error)}`);
  }
  // JSON is YAML 1.2, so one parser gives line numbers for both.
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const display = path.relative(process.cwd(), file) || file;
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const line = first?.pos[0] === undefined ? undefined : lines.linePos(first.pos[0]).line;
    throw new ConfigurationError(
      `${display}${line ? `:${line}` : ''}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${first?.message.split('\n')[0] ?? 'parse error'}`,
    );
  }
  const raw: unknown = document.toJS();
  const parsed = FileConfigSchema.safeParse(raw ?? {});
  if (!parsed.success)
    throw new ConfigurationError(
      describeConfigIssues(file, parsed.error, { document, lines }).join('\n'),
    );
  return parsed.data;
}

function findConfigFile(root: string, explicit: string | undefined): string | undefined {
  if (explicit) {
    const file = path.resolve(root, explicit);
    if (!existsSync(file)) throw new ConfigurationError(`config file ${file}: not found`);
    return file;
  }
  return DEFAULT_CONFIG_FILES.map((name) => path.join(root, name)).find((file) => existsSync(file));
}

/** A tool's section of a config (an object, or nothing). */
function sectionOf(config: FileConfig, key: string): Record<string, unknown> | undefined {
  const section: unknown = Object.hasOwn(config, key)
    ? (config as Record<string, unknown>)[key]
    : undefined;
  return typeof section === 'object' && section !== null
    ? (section as Record<string, unknown>)
    : undefined;
}

/** Each tool's settings, resolved by its adapter from its (validated) section. */
function toolSettingsOf(config: FileConfig, context: SettingsContext): ToolSettingsConfig {
  // One entry per TOOL_SETTINGS key: the shape ToolSettingsConfig derives from the same list.
  return Object.fromEntries(
    TOOL_SETTINGS.map((settings) => [
      settings.key,
      settings.resolve(sectionOf(config, settings.key), context),
    ]),
  ) as ToolSettingsConfig;
}

/** Merge file config and overrides into one frozen, fully-defaulted config. */
export function resolveConfig(request: ConfigRequest): ScanConfig {
  const root = path.resolve(request.root);
  if (!existsSync(root)) throw new ConfigurationError(`path ${root}: does not exist`);
  const configFile = findConfigFile(root, request.configFile);
  const fromFile = configFile ? readConfigFile(configFile) : {};
  const overrides = request.overrides ?? {};
  // A tool's section merges key by key: a flag for one setting keeps the file's others.
  const sections = new Map<string, unknown>(
    TOOL_SETTINGS.map(({ key }) => [
      key,
      { ...sectionOf(fromFile, key), ...sectionOf(overrides, key) },
    ]),
  );
  const merged = {
    ...fromFile,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
    ...Object.fromEntries(sections),
  };
  const checked = FileConfigSchema.safeParse(merged);
  if (!checked.success)
    throw new ConfigurationError(formatZodIssues('configuration', checked.error));
  const c = checked.data;
  const cacheBase = path.join(os.homedir(), '.cache', 'scanfold');
  const config: ScanConfig = {
    root,
    scanners: c.scanners ?? SCANNER_NAMES,
    failOn: c.failOn ?? 'high',
    failOnScope: c.failOnScope,
    baseline: c.baseline ? path.resolve(root, c.baseline) : undefined,
    suppressions: c.suppressions ?? [],
    licenses: c.licenses ?? {},
    retries: c.retries ?? 2,
    timeoutMs: Math.round((c.timeoutMinutes ?? 15) * 60_000),
    concurrency: c.concurrency ?? os.availableParallelism(),
    outputDir: path.resolve(root, c.outputDir ?? 'scanfold-results'),
    offline: c.offline ?? false,
    exclude: c.exclude ?? [],
    images: [...new Set(c.images ?? [])].map((ref) => {
      const image = parseImageRef(ref, root);
      checkLocalImage(image);
      return image;
    }),
    toolCache: request.toolCache ?? defaultToolCache(),
    retryBaseMs: request.retryBaseMs ?? 2_000,
    retryCapMs: 60_000,
    ...toolSettingsOf(c, { root, cacheBase }),
  };
  return Object.freeze(config);
}
