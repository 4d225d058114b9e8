// Minimal types for the two SPDX packages (neither ships its own, and there is no @types package).
declare module 'spdx-expression-parse' {
  export type SpdxNode =
    | { license: string; plus?: true; exception?: string }
    | { left: SpdxNode; conjunction: 'and' | 'or'; right: SpdxNode };
  export default function parse(expression: string): SpdxNode;
}

declare module 'spdx-satisfies' {
  /** Whether the expression can be satisfied using only the approved (non-compound) licences. */
  export default function satisfies(expression: string, approved: string[]): boolean;
}
