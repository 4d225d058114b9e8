import { z } from 'zod';
import { firstIssue } from './errors.ts';

/**
 * The slice of a CycloneDX JSON document scanfold reads (the SBOM merge and the importer's tool
 * name); the rest is ignored. Checked at the boundary, so a wrong-typed field rejects its file only,
 * with the field named, instead of failing the merge of every SBOM.
 */
const LicenseChoiceSchema = z.looseObject({
  license: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  expression: z.string().optional(),
});
export interface InputComponent {
  'bom-ref'?: string | undefined;
  type?: string | undefined;
  name: string;
  group?: string | undefined;
  version?: string | undefined;
  purl?: string | undefined;
  licenses?: z.infer<typeof LicenseChoiceSchema>[] | undefined;
  components?: InputComponent[] | undefined;
  /** The rest of the component, read field by field by the merge (sbom-fields.ts). */
  [field: string]: unknown;
}
const ComponentSchema: z.ZodType<InputComponent> = z.lazy(() =>
  z.looseObject({
    'bom-ref': z.string().optional(),
    type: z.string().optional(),
    name: z.string(),
    group: z.string().optional(),
    version: z.string().optional(),
    purl: z.string().optional(),
    licenses: z.array(LicenseChoiceSchema).optional(),
    components: z.array(ComponentSchema).optional(),
  }),
);

/**
 * `metadata.component`, the subject the SBOM describes (an image, a directory), checked apart from
 * the file: a wrong one costs the subject only (see checkSubject), never the file's components.
 */
export function checkSubject(
  value: unknown,
): { success: true; data: InputComponent } | { success: false; reason: string } {
  const checked = ComponentSchema.safeParse(value);
  return checked.success
    ? { success: true, data: checked.data }
    : { success: false, reason: firstIssue(checked.error, ['metadata', 'component']) };
}

/** A tool in `metadata.tools`: CycloneDX 1.5+ lists components, 1.4 and earlier an array. */
const ToolSchema = z.looseObject({ name: z.string().optional(), version: z.string().optional() });
const LegacyToolsSchema = z.array(ToolSchema);
const ToolsSchema = z.looseObject({ components: z.array(ToolSchema).optional() });
/** `metadata.tools` is checked by its form (see checkBomInput), so an issue names the field. */
const MetadataSchema = z.looseObject({ tools: z.unknown().optional() });

const BomInputSchema = z.looseObject({
  metadata: MetadataSchema.optional(),
  components: z.array(ComponentSchema).optional(),
  dependencies: z
    .array(z.looseObject({ ref: z.string(), dependsOn: z.array(z.string()).optional() }))
    .optional(),
});
export type BomInput = z.infer<typeof BomInputSchema>;

/** Deeper nesting than any real SBOM has; a hostile one would exhaust the stack. */
export const MAX_NESTING = 64;

function nestingDepth(components: readonly unknown[] | undefined, depth = 1): number {
  let deepest = depth;
  const stack: [unknown, number][] = (components ?? []).map((c) => [c, depth]);
  while (stack.length > 0) {
    const [node, level] = stack.pop() ?? [undefined, 0];
    deepest = Math.max(deepest, level);
    if (deepest > MAX_NESTING) return deepest;
    const children = (node as { components?: unknown } | null)?.components;
    if (Array.isArray(children)) for (const child of children) stack.push([child, level + 1]);
  }
  return deepest;
}

/** The tool that wrote a document: the first in its `metadata.tools`. */
export interface BomTool {
  name?: string | undefined;
  version?: string | undefined;
}

/**
 * The document's usable slice and the tool that wrote it, or why it is not usable
 * (`not usable CycloneDX at <field>: …`, without the file name, which the caller adds).
 */
export function checkBomInput(
  bom: Record<string, unknown>,
): { success: true; data: BomInput; tool: BomTool } | { success: false; reason: string } {
  const depth = nestingDepth(Array.isArray(bom.components) ? (bom.components as unknown[]) : []);
  if (depth > MAX_NESTING)
    return { success: false, reason: `components nested deeper than ${MAX_NESTING} levels` };
  const checked = BomInputSchema.safeParse(bom);
  if (!checked.success)
    return { success: false, reason: `not usable CycloneDX at ${firstIssue(checked.error)}` };
  const tools: unknown = checked.data.metadata?.tools;
  if (tools === undefined || tools === null) return { success: true, data: checked.data, tool: {} };
  const toolsChecked = Array.isArray(tools)
    ? LegacyToolsSchema.safeParse(tools)
    : ToolsSchema.safeParse(tools);
  if (!toolsChecked.success)
    return {
      success: false,
      reason: `not usable CycloneDX at ${firstIssue(toolsChecked.error, ['metadata', 'tools'])}`,
    };
  const first = Array.isArray(toolsChecked.data)
    ? toolsChecked.data[0]
    : toolsChecked.data.components?.[0];
  return {
    success: true,
    data: checked.data,
    tool: { name: first?.name, version: first?.version },
  };
}
