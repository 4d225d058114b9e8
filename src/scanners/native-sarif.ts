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

export function location(
  path: string,
  startLine?: number,
  endLine?: number,
): NonNullable<Result['locations']> {
  return [
    {
      physicalLocation: {
        artifactLocation: { uri: path },
        ...(startLine && startLine > 0
          ? { region: { startLine, ...(endLine && endLine >= startLine ? { endLine } : {}) } }
          : {}),
      },
    },
  ];
}

export function securitySeverity(word: string | undefined): Record<string, string> {
  const severity = severityFromWord(word);
  return severity ? { 'security-severity': SCORE_FOR[severity] } : {};
}
