import type { ParsedOutput } from './inputs.ts';
import type { ScannerReport } from './scan-result.ts';

/** What one scanner's execution (all its attempts) left behind. */
export interface ScannerRun {
  report: ScannerReport;
  /** Absolute paths of the raw outputs kept under raw/. */
  files: string[];
  parsed: ParsedOutput | undefined;
}
