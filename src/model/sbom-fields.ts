import { Spec, Types } from '@cyclonedx/cyclonedx-library';
import { z } from 'zod';
import { firstIssue } from './errors.ts';

/**
 * The descriptive fields of an input SBOM's component that the merged SBOM carries over (hashes,
 * CPE, properties, supplier, author, publisher, description, copyright, scope, external
 * references, SWID). Checked field by field, and in lists element by element, against what
 * CycloneDX 1.6 allows: a wrong-typed field (or one hash, property or reference of a list) is left
 * out alone, with a line naming it, and never costs the component, the file or the merged SBOM's
 * validity. Here rather than in sbom-input.ts because it needs the CycloneDX library, which is
 * only loaded with the SBOM builder.
 */
const spec = Spec.Spec1dot6;

const HashSchema = z.looseObject({
  alg: z.string().refine((alg) => spec.supportsHashAlgorithm(alg), {
    message: 'not a CycloneDX 1.6 hash algorithm',
  }),
  content: z.string().refine((content) => spec.supportsHashValue(content), {
    message: 'not a hash value (32, 40, 64, 96 or 128 hex digits)',
  }),
});
const PropertySchema = z.looseObject({ name: z.string(), value: z.string().optional() });
/**
 * An external reference. Syft writes a Java archive's digests as one without a URL or type
 * (`{"url": "", "hashes": [...]}`): the merge keeps those hashes as the component's own.
 */
const ExternalReferenceSchema = z.looseObject({
  url: z.string().optional(),
  type: z
    .string()
    .refine((type) => spec.supportsExternalReferenceType(type), {
      message: 'not a CycloneDX 1.6 external reference type',
    })
    .optional(),
  comment: z.string().optional(),
  hashes: z.array(HashSchema).optional(),
});
const ContactSchema = z.looseObject({
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});
const OrganizationalEntitySchema = z.looseObject({
  name: z.string().optional(),
  url: z.array(z.string().min(1)).optional(),
  contact: z.array(ContactSchema).optional(),
});
const SwidSchema = z.looseObject({
  tagId: z.string(),
  name: z.string(),
  version: z.string().optional(),
  tagVersion: z.number().int().nonnegative().optional(),
  patch: z.boolean().optional(),
});

const SINGLE = {
  cpe: z.string().refine((cpe) => Types.isCPE(cpe), { message: 'not a CPE 2.2 or 2.3 name' }),
  author: z.string(),
  publisher: z.string(),
  description: z.string(),
  copyright: z.string(),
  scope: z.enum(['required', 'optional', 'excluded']),
  supplier: OrganizationalEntitySchema,
  swid: SwidSchema,
} as const;
const LISTS = {
  hashes: HashSchema,
  properties: PropertySchema,
  externalReferences: ExternalReferenceSchema,
} as const;

export type ComponentFields = {
  -readonly [K in keyof typeof SINGLE]?: z.infer<(typeof SINGLE)[K]>;
} & { -readonly [K in keyof typeof LISTS]: z.infer<(typeof LISTS)[K]>[] };
export type InputProperty = z.infer<typeof PropertySchema>;
export type InputHash = z.infer<typeof HashSchema>;

/** The component keys the merge reads: the identity (sbom-input.ts) and the fields above. */
export const READ_FIELDS: ReadonlySet<string> = new Set([
  'bom-ref',
  'type',
  'name',
  'group',
  'version',
  'purl',
  'licenses',
  'components',
  ...Object.keys(SINGLE),
  ...Object.keys(LISTS),
]);

/**
 * The fields of `raw` (the component at `where`, e.g. `components.3`) that are usable; each one
 * that is not is named in `dropped`.
 */
export function readComponentFields(
  raw: Readonly<Record<string, unknown>>,
  where: string,
  dropped: string[],
): ComponentFields {
  const fields: ComponentFields = { hashes: [], properties: [], externalReferences: [] };
  const single = <K extends keyof typeof SINGLE>(key: K): void => {
    if (raw[key] === undefined) return;
    const checked = SINGLE[key].safeParse(raw[key]);
    if (checked.success) (fields as Record<K, unknown>)[key] = checked.data;
    else dropped.push(firstIssue(checked.error, [`${where}.${key}`]));
  };
  for (const key of Object.keys(SINGLE) as (keyof typeof SINGLE)[]) single(key);
  fields.hashes = readList(raw.hashes, LISTS.hashes, `${where}.hashes`, dropped);
  fields.properties = readList(raw.properties, LISTS.properties, `${where}.properties`, dropped);
  fields.externalReferences = readList(
    raw.externalReferences,
    LISTS.externalReferences,
    `${where}.externalReferences`,
    dropped,
  );
  return fields;
}

/** A list's usable elements: a wrong element is left out alone, a non-list as a whole. */
export function readList<T>(
  value: unknown,
  schema: z.ZodType<T>,
  where: string,
  dropped: string[],
): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    dropped.push(`${where}: expected array`);
    return [];
  }
  const kept: T[] = [];
  (value as unknown[]).forEach((element, index) => {
    const checked = schema.safeParse(element);
    if (checked.success) kept.push(checked.data);
    else dropped.push(firstIssue(checked.error, [`${where}.${index}`]));
  });
  return kept;
}

export { PropertySchema };
