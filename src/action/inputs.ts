import { z } from 'zod';
import { formatZodIssues } from '../config/load.ts';
import { FAIL_ON, FAIL_ON_SCOPES } from '../config/schema.ts';
import { SCANNER_NAMES } from '../scanners/registry.ts';
import { ConfigurationError } from '../model/errors.ts';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const integer = (min: number, max: number) => optional(z.coerce.number().int().min(min).max(max));
const boolean = optional(z.enum(['true', 'false']).transform((value) => value === 'true'));
const list = optional(
  z
    .string()
    .transform((value) => value.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.enum(SCANNER_NAMES)).min(1)),
);

/** Every action input, as strings from the runner; empty means "not set". */
export const ActionInputsSchema = z.object({
  scanners: list,
  path: optional(z.string()),
  config: optional(z.string()),
  'fail-on': optional(z.enum(FAIL_ON)),
  'fail-on-scope': optional(z.enum(FAIL_ON_SCOPES)),
  baseline: optional(z.string()),
  retries: integer(0, 10),
  'timeout-minutes': optional(z.coerce.number().positive().max(360)),
  concurrency: integer(1, 64),
  'output-dir': optional(z.string()),
  offline: boolean,
  'github-token': optional(z.string()),
  comment: optional(z.enum(['auto', 'always', 'never'])),
  'upload-sarif': optional(z.enum(['auto', 'true', 'false'])),
  'artifact-name': optional(
    z.string().regex(/^[^"<>:|*?\\/\r\n]+$/, 'must not contain " < > : | * ? \\ / or newlines'),
  ),
  'retention-days': integer(1, 400),
  'fail-on-scanner-error': boolean,
  ref: optional(
    z
      .string()
      .regex(
        /^refs\/(heads|tags|pull)\/.+/,
        'must be a full ref: refs/heads/…, refs/tags/… or refs/pull/…',
      ),
  ),
  sha: optional(z.string().regex(/^([0-9a-f]{40}|[0-9a-f]{64})$/, 'must be a full commit sha')),
  category: optional(z.string().regex(/^[\w.\-/]+$/, 'may hold only letters, digits, _ . - and /')),
  'max-rate-limit-wait': integer(0, 3600),
  mode: optional(z.enum(['full', 'scan', 'aggregate'])),
  cache: boolean,
  shard: optional(z.string().max(100)),
  shards: optional(z.string().transform((value) => value.split(/[\s,]+/).filter(Boolean))),
  /** Hidden: `${{ toJson(matrix) }}`, so matrix legs get categories of their own. */
  matrix: optional(z.string()),
  /** Container images to scan, one per line (or comma-separated). */
  image: optional(z.string().transform((value) => value.split(/[\s,]+/).filter(Boolean))),
});
export type ActionInputs = z.infer<typeof ActionInputsSchema>;

export const INPUT_NAMES = Object.keys(ActionInputsSchema.shape) as (keyof ActionInputs)[];

/** Parse every input at once, so a user sees all mistakes in one run. */
export function parseActionInputs(read: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, read(name).trim()]));
  const parsed = ActionInputsSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigurationError(formatZodIssues('action input', parsed.error));
  return parsed.data;
}
