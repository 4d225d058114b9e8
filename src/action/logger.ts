import * as core from '@actions/core';
import type { Logger } from '../model/ports.ts';
import { safeLogLine } from '../outputs/escape.ts';

/** Each line made safe on its own: a multi-line message stays multi-line. */
const safeLines = (text: string): string => text.split(/\r?\n/).map(safeLogLine).join('\n');

export const actionsLogger: Logger = {
  debug: (message) => core.debug(message),
  // core.info writes raw to stdout, where a line starting `::` is a workflow command: scanner
  // output and file names are untrusted. (debug/warning/error are escaped by @actions/core.)
  info: (message) => core.info(safeLines(message)),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  group: (title, lines) => {
    core.startGroup(title);
    for (const line of lines) core.info(safeLines(line));
    core.endGroup();
  },
  progress: () => {},
};
