import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, Result, ReportingDescriptor } from 'sarif';
import { SCORE_FOR, severityFromWord } from '../normalize/severity.ts';

/** Building blocks for adapters that convert their tool's native JSON to SARIF (`scanfold merge`). */

export function sarifLog(
  tool: string,
  version: string | undefined,
  rules: Map<string, ReportingDescriptor>,
  results: Result[],
): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: tool, ...(version ? { version } : {}), rules: [...rules.values()] },
        },
        results,
      },
    ],
  };
}

export function rule(
  rules: Map<string, ReportingDescriptor>,
  id: string,
  make: () => ReportingDescriptor,
): void {
  if (!rules.has(id)) rules.set(id, make());
}

/**
 * A path a tool wrote as it found it on disk (OSV-Scanner's sources, Gitleaks' files): an absolute
 * one as a `file:` URI, so that one outside the root is never read as relative to it (a bare
 * leading `/` means the scanned directory for Syft, Grype and Trivy, not for these).
 */
export function diskPath(file: string): string {
  return path.posix.isAbsolute(file) ? pathToFileURL(file).href : file;
}

/**
 * A native report's place as a SARIF location. `snippet` is the matched text when the report gives
 * it: for a secret it is what tells normalize the value to scrub from every output.
 */
export function location(
  path: string,
  startLine?: number,
  endLine?: number,
  snippet?: string,
): NonNullable<Result['locations']> {
  const lines =
    startLine && startLine > 0
      ? { startLine, ...(endLine && endLine >= startLine ? { endLine } : {}) }
      : {};
  const region = { ...lines, ...(snippet ? { snippet: { text: snippet } } : {}) };
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: path },
        ...(Object.keys(region).length > 0 ? { region } : {}),
      },
    },
  ];
}

export function securitySeverity(word: string | undefined): Record<string, string> {
  const severity = severityFromWord(word);
  return severity ? { 'security-severity': SCORE_FOR[severity] } : {};
}
