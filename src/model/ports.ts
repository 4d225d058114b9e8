/** What the engine needs from its host; the CLI and the action each supply one. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Print a finished block of lines as one collapsible group. */
  group(title: string, lines: readonly string[]): void;
  /** Live one-line progress; a no-op where there is no terminal. */
  progress(line: string): void;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
  group() {},
  progress() {},
};
