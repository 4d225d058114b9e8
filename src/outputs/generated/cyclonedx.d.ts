// The type of the generated module beside this file (scripts/generate-validators.ts).
import type { ErrorObject } from 'ajv';

declare const validate: {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
};
export default validate;
