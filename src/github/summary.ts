import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import { errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';

export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/**
 * Append to the job summary (GITHUB_STEP_SUMMARY, read at call time: @actions/core's `summary`
 * keeps the first path it saw for the life of the process). Over 1 MiB (bytes) GitHub drops it with
 * only an annotation; the renderer counts UTF-16 units, at most 3 bytes each in UTF-8: re-render
 * smaller rather than cut mid-table.
 */
export async function writeSummary(
  render: (maxLength: number) => string,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const full = render(STEP_SUMMARY_LIMIT);
  const text =
    Buffer.byteLength(full) > STEP_SUMMARY_LIMIT
      ? render(Math.floor(STEP_SUMMARY_LIMIT / 3))
      : full;
  try {
    await appendFile(file, text + EOL, 'utf8');
  } catch (error) {
    logger.warning(`job summary not written: ${errorMessage(error)}`);
  }
}
