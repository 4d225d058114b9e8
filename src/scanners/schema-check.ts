import type { z } from 'zod';

/** Whether a parsed JSON value is valid. */
export type ValueCheck = (value: unknown) => boolean;

type Schema = z.core.$ZodTypes;

/**
 * A zod schema as a plain yes/no check over parsed JSON: the answer `schema.safeParse(value).success`
 * gives, without the copy of every object and the result objects zod allocates per field (at 100k
 * SARIF results those cost more than JSON.parse itself). It reads the schema's own definition, so
 * the schema stays the one statement of what is accepted; a rejected value goes to zod for the
 * error. Only the kinds the boundary schemas use are known: any other kind, check or option makes
 * compiling throw, so nothing is ever checked more loosely than zod would.
 *
 * Objects zod would rebuild lose an own `__proto__` key here too (JSON.parse makes it a plain
 * data property; zod leaves it out of its copy), so the value can be used as it is.
 */
export function schemaCheck(schema: z.core.$ZodType): ValueCheck {
  return compile(schema);
}

export type Checked<T> = { success: true; data: T } | { success: false; error: z.ZodError };

/**
 * A boundary schema's parse without its copy: the parsed JSON itself (typed `T`) when schemaCheck
 * accepts it, else zod's own verdict, whose first issue names the field.
 */
export function checkedParse<T>(schema: z.ZodType): (data: unknown) => Checked<T> {
  const isValid = schemaCheck(schema);
  return (data) => {
    if (isValid(data)) return { success: true, data: data as T };
    const parsed = schema.safeParse(data);
    // Stricter than zod would be a bug in the check; the value then takes zod's slower path.
    return parsed.success
      ? { success: true, data: parsed.data as T }
      : { success: false, error: parsed.error };
  };
}

function isRecordLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** zod's length: UTF-16 units, counted as code points only where the two could disagree. */
function lengthAtLeast(text: string, minimum: number): boolean {
  if (text.length < minimum) return false;
  if (text.length >= minimum * 2) return true;
  let points = 0;
  for (const _ of text) points++;
  return points >= minimum;
}

function withChecks(schema: Schema, base: ValueCheck): ValueCheck {
  const checks = (schema._zod.def.checks ?? []).map((check): ValueCheck => {
    const def = (check as z.core.$ZodChecks)._zod.def;
    // A `when` of one's own can only make zod skip the check: this is then stricter, never looser.
    if (def.check === 'min_length') {
      const minimum = def.minimum;
      return (value) => lengthAtLeast(value as string, minimum);
    }
    if (def.check === 'number_format' && def.format === 'safeint')
      return (value) => Number.isSafeInteger(value);
    throw new Error(`schemaCheck: unsupported check ${def.check}`);
  });
  if (checks.length === 0) return base;
  return (value) => base(value) && checks.every((check) => check(value));
}

/** What each kind's definition may hold; anything else (coerce, format, mode, …) is refused. */
const DEF_KEYS: Readonly<Record<string, readonly string[]>> = {
  string: ['checks'],
  number: ['checks'],
  boolean: [],
  unknown: [],
  any: [],
  literal: ['values'],
  enum: ['entries'],
  optional: ['innerType'],
  nullable: ['innerType'],
  array: ['element'],
  record: ['keyType', 'valueType'],
  object: ['shape', 'catchall'],
};
/** A custom message changes what zod says, never whether it accepts. */
const ANY_DEF_KEYS = ['type', 'error'];

/** The schema, once its definition holds nothing this module does not model. */
function known(type: z.core.$ZodType): Schema {
  const schema = type as Schema;
  const def = schema._zod.def;
  const keys = DEF_KEYS[def.type];
  if (!keys) throw new Error(`schemaCheck: unsupported schema type ${def.type}`);
  for (const key of Object.keys(def))
    if (!keys.includes(key) && !ANY_DEF_KEYS.includes(key))
      throw new Error(`schemaCheck: unsupported ${key} on ${def.type}`);
  return schema;
}

function compile(type: z.core.$ZodType): ValueCheck {
  const schema = known(type);
  const def = schema._zod.def;
  // Only strings and numbers may carry checks (DEF_KEYS); any other kind with one was refused.
  const checked = (base: ValueCheck): ValueCheck => withChecks(schema, base);
  switch (def.type) {
    case 'string':
      return checked((value) => typeof value === 'string');
    case 'number':
      // zod rejects NaN and ±Infinity (JSON.parse gives Infinity for 1e400).
      return checked((value) => typeof value === 'number' && Number.isFinite(value));
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'unknown':
    case 'any':
      return () => true;
    case 'literal':
    case 'enum': {
      const values: ReadonlySet<unknown> | undefined = schema._zod.values;
      if (!values) throw new Error(`schemaCheck: ${def.type} without values`);
      return (value) => values.has(value);
    }
    case 'optional': {
      const inner = compile(def.innerType);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = compile(def.innerType);
      return (value) => value === null || inner(value);
    }
    case 'array': {
      const element = compile(def.element);
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (const item of value as unknown[]) if (!element(item)) return false;
        return true;
      };
    }
    case 'record': {
      const keyDef = def.keyType._zod.def;
      if (keyDef.type !== 'string' || (keyDef.checks ?? []).length > 0)
        throw new Error('schemaCheck: record keys other than z.string()');
      const item = compile(def.valueType);
      return (value) => {
        if (!isRecordLike(value)) return false;
        dropProtoKey(value);
        for (const key in value) if (!item(value[key])) return false;
        return true;
      };
    }
    case 'object': {
      // Loose objects only: other keys pass untouched, so the value checked is the value zod returns.
      if (def.catchall?._zod.def.type !== 'unknown')
        throw new Error('schemaCheck: objects other than z.looseObject');
      const keys = Object.keys(def.shape).filter((key) => key !== '__proto__');
      // An optional field's own check runs only on a value (one call fewer per field).
      const optional: boolean[] = [];
      const fields = keys.map((key, index): ValueCheck => {
        const field = known(def.shape[key] as z.core.$ZodType);
        optional[index] = field._zod.def.type === 'optional';
        return field._zod.def.type === 'optional'
          ? compile(field._zod.def.innerType)
          : compile(field);
      });
      return (value) => {
        if (!isRecordLike(value)) return false;
        dropProtoKey(value);
        for (let index = 0; index < keys.length; index++) {
          const field = value[keys[index] as string];
          if (field === undefined && optional[index]) continue;
          if (!(fields[index] as ValueCheck)(field)) return false;
        }
        return true;
      };
    }
    default:
      throw new Error(`schemaCheck: unsupported schema type ${def.type}`);
  }
}

function dropProtoKey(value: Record<string, unknown>): void {
  if (Object.hasOwn(value, '__proto__')) delete value['__proto__'];
}
