import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Log } from 'sarif';
import { z } from 'zod';

/** The parts of SARIF the merge relies on; everything else passes through untouched. */
const SarifResultSchema = z.looseObject({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().optional(),
  message: z.looseObject({ text: z.string().optional(), markdown: z.string().optional() }),
  level: z.enum(['none', 'note', 'warning', 'error']).optional(),
  locations: z.array(z.looseObject({})).optional(),
});
const SarifRunSchema = z.looseObject({
  tool: z.looseObject({
    driver: z.looseObject({
      name: z.string().min(1),
      rules: z.array(z.looseObject({ id: z.string() })).optional(),
    }),
  }),
  results: z.array(SarifResultSchema).nullish(),
});
export const SarifLogSchema = z.looseObject({
  version: z.literal('2.1.0'),
  runs: z.array(SarifRunSchema),
});

const CycloneDxSchema = z.looseObject({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  components: z.array(z.looseObject({ name: z.string() })).optional(),
});

export class OutputError extends Error {
  override name = 'OutputError';
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new OutputError(`${path.basename(file)}: invalid JSON (${detail})`);
  }
}

function issues(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
}

export async function readSarif(file: string): Promise<Log> {
  const parsed = SarifLogSchema.safeParse(await readJson(file));
  if (!parsed.success)
    throw new OutputError(`${path.basename(file)}: not SARIF 2.1.0 (${issues(parsed.error)})`);
  return parsed.data as unknown as Log;
}

export async function readCycloneDx(file: string): Promise<Record<string, unknown>> {
  const parsed = CycloneDxSchema.safeParse(await readJson(file));
  if (!parsed.success)
    throw new OutputError(`${path.basename(file)}: not CycloneDX JSON (${issues(parsed.error)})`);
  return parsed.data;
}

export function isCycloneDx(value: unknown): boolean {
  return CycloneDxSchema.safeParse(value).success;
}

export { readJson };
