import type { Logger } from '../model/ports.ts';
import { safeLogLine } from '../outputs/escape.ts';

/** Plain logs on stderr with a scanner prefix; a live progress line only on a terminal. */
export function consoleLogger(options: { verbose: boolean; stream?: NodeJS.WriteStream }): Logger {
  const stream = options.stream ?? process.stderr;
  const tty = Boolean(stream.isTTY);
  let progressShown = false;
  const write = (line: string): void => {
    if (progressShown) {
      stream.write('\r\x1b[2K');
      progressShown = false;
    }
    // Scanner output and file names are untrusted: no escapes, no workflow commands, one line each.
    stream.write(safeLogLine(line) + '\n');
  };
  return {
    debug: (message) => {
      if (options.verbose) write(message);
    },
    info: (message) => write(message),
    warning: (message) => write(`warning: ${message}`),
    error: (message) => write(`error: ${message}`),
    group: (title, lines) => {
      write(`── ${title}`);
      if (options.verbose) return; // already printed line by line as debug
      const name = title.split(':')[0] ?? '';
      for (const line of lines.slice(-12)) write(`[${name}] ${line}`);
    },
    progress: (line) => {
      if (!tty) return;
      stream.write(`\r\x1b[2K${safeLogLine(line)}`);
      progressShown = true;
    },
  };
}
