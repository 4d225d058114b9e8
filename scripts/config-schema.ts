// Writes schemas/config.schema.json from the zod schema of .scanfold.yml, the single source of truth.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { FileConfigSchema, SuppressionSchema } from '../src/config/schema.ts';

const MATCHERS = ['rule', 'fingerprint', 'cve', 'path', 'tool'];

export function configJsonSchema(): string {
  return (
    JSON.stringify(
      {
        $id: 'https://scanfold.dev/schemas/config.schema.json',
        title: 'Scanfold configuration (.scanfold.yml)',
        ...z.toJSONSchema(FileConfigSchema, {
          io: 'input',
          // zod's refine is code; say the same thing in JSON Schema so editors flag it too.
          override: (context) => {
            if (context.zodSchema === SuppressionSchema)
              context.jsonSchema.anyOf = MATCHERS.map((key) => ({ required: [key] }));
          },
        }),
      },
      null,
      2,
    ) + '\n'
  );
}

if (import.meta.main)
  writeFileSync(new URL('../schemas/config.schema.json', import.meta.url), configJsonSchema());
