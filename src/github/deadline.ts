import { errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';

/**
 * How long an artifact call may go unanswered: @actions/artifact's own limit for a stalled blob
 * upload (ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS); its Twirp calls have none.
 */
export const ARTIFACT_TIMEOUT_MS = 300_000;

/**
 * The work, or a rejection once `ms` have passed. The work cannot be cancelled: it is left to
 * finish or fail on its own (the action entry exits when its run is done), its failure logged.
 */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  reason: (ms: number) => string,
  logger: Logger,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(reason(ms))), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    work.catch((late: unknown) =>
      logger.debug(`abandoned after the deadline: ${errorMessage(late)}`),
    );
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
