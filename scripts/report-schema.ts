// Writes schemas/report.schema.json from the zod schema, the single source of truth.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ReportSchema } from '../src/model/scan-result.ts';

export function reportJsonSchema(): string {
  return (
    JSON.stringify(
      { $id: 'https://scanfold.dev/schemas/report-1.0.0.json', ...z.toJSONSchema(ReportSchema) },
      null,
      2,
    ) + '\n'
  );
}

if (import.meta.main)
  writeFileSync(new URL('../schemas/report.schema.json', import.meta.url), reportJsonSchema());
