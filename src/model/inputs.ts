import type { Log } from 'sarif';

/** One SARIF log on its way into normalization, from a scan or from an imported file. */
export interface SarifInput {
  file: string;
  log: Log;
  /** Set when the producing tool is known (scan); detected from the driver name otherwise (import). */
  tool?: string;
}

/** One CycloneDX document on its way into the SBOM output. */
export interface SbomInput {
  tool: string;
  toolVersion?: string | undefined;
  file: string;
  bom: Record<string, unknown>;
}

/**
 * One check that ran and passed, from a tool's raw report: evidence for compliance, never a
 * finding or a SARIF result.
 */
export interface PassedCheck {
  /** The tool's own check id, e.g. `CKV_DOCKER_2` or `DS-0026`. */
  checkId: string;
  file: string;
  resource?: string;
}

/** A tool's results after parsing, ready for normalization. */
export interface ParsedOutput {
  sarif: { file: string; log: Log }[];
  /** CycloneDX JSON documents (validated shape), by raw file name. */
  sboms: { file: string; bom: Record<string, unknown> }[];
  /** What parsing changed that the report should say (e.g. results left out for `exclude`). */
  notes?: string[];
}
