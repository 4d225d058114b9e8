import type { ScannerName } from '../model/finding.ts';
import type { ScannerAdapter } from './adapter.ts';
import { checkov } from './checkov.ts';
import { gitleaks } from './gitleaks.ts';
import { grype } from './grype.ts';
import { semgrep } from './semgrep.ts';
import { syft } from './syft.ts';
import { trivy } from './trivy.ts';

export const ADAPTERS: Record<ScannerName, ScannerAdapter> = {
  trivy,
  semgrep,
  gitleaks,
  checkov,
  syft,
  grype,
};
