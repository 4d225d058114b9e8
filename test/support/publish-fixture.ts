/**
 * What the in-process GitHub edge tests publish: a real engine outcome (`assemble`) for a scan of
 * services/api with one Semgrep and one Gitleaks result, and a logger that keeps every line.
 */
import type { Log, Result } from 'sarif';
import { assemble } from '../../src/engine.ts';
import type { ScanOutcome } from '../../src/engine.ts';
import type { Logger } from '../../src/model/ports.ts';
import path from 'node:path';

export const SRC_FILE = 'services/api/app.py';

export interface RecordingLogger extends Logger {
  lines: { level: string; message: string }[];
  warnings(): string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: { level: string; message: string }[] = [];
  const add = (level: string) => (message: string) => lines.push({ level, message });
  return {
    lines,
    warnings: () => lines.filter((l) => l.level === 'warning').map((l) => l.message),
    debug: add('debug'),
    info: add('info'),
    warning: add('warning'),
    error: add('error'),
    group: (title, group) =>
      group.forEach((line) => lines.push({ level: 'info', message: `${title}: ${line}` })),
    progress: () => {},
  };
}

export function sarifFor(tool: string, ruleId: string, uri: string, line: number): Log {
  const result: Result = {
    ruleId,
    level: 'error',
    message: { text: `${tool} says ${ruleId}` },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line } } }],
  };
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: tool === 'semgrep' ? 'Semgrep OSS' : tool, rules: [{ id: ruleId }] },
        },
        results: [result],
      },
    ],
  };
}

/** A real engine outcome for a scan of services/api that found one semgrep and one gitleaks result. */
export async function outcomeFor(workspace: string, outputDir: string): Promise<ScanOutcome> {
  const root = path.join(workspace, 'services', 'api');
  const scanner = (name: 'semgrep' | 'gitleaks') => ({
    name,
    status: 'ok' as const,
    attempts: 1,
    durationMs: 1,
    findings: 0,
    outputs: [],
  });
  return assemble({
    root,
    outputDir,
    failOn: 'none',
    scanners: [scanner('gitleaks'), scanner('semgrep')],
    sarif: [
      {
        file: 'raw/semgrep.sarif',
        tool: 'semgrep',
        log: sarifFor('semgrep', 'python.sqli', 'app.py', 3),
      },
      {
        file: 'raw/gitleaks.sarif',
        tool: 'gitleaks',
        log: sarifFor('gitleaks', 'aws-access-token', 'app.py', 1),
      },
    ],
    sboms: [],
    errors: [],
    logger: recordingLogger(),
  });
}
