import * as core from '@actions/core';
import { errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';

export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/**
 * Write the job summary. Over 1 MiB (bytes) GitHub drops it with only an annotation; the renderer
 * counts UTF-16 units, at most 3 bytes each in UTF-8: re-render smaller rather than cut mid-table.
 */
export async function writeSummary(
  render: (maxLength: number) => string,
  logger: Logger,
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const full = render(STEP_SUMMARY_LIMIT);
  const text =
    Buffer.byteLength(full) > STEP_SUMMARY_LIMIT
      ? render(Math.floor(STEP_SUMMARY_LIMIT / 3))
      : full;
  try {
    await core.summary.addRaw(text, true).write();
  } catch (error) {
    logger.warning(`job summary not written: ${errorMessage(error)}`);
  }
}
