/**
 * Escaping for text printed to a terminal or a CI log (CLI stdout and stderr, the Action's log lines
 * and annotations). The one rule for every such output: a string from an input stays one inert line.
 *
 * What a runner treats as a command: a line whose first non-blank characters are `::` (workflow
 * commands), and `##[name]` anywhere in a line (the legacy form, still obeyed: `##[add-mask]`,
 * `##[stop-commands]`). What a terminal treats as a command: escape sequences (ESC, and the 8-bit CSI
 * U+009B). So line breaks of every kind, every C0/C1 control character and the bidirectional
 * overrides that reorder what a reader sees are written as visible `\uXXXX` escapes, and the two
 * command prefixes are broken. `\uXXXX` is also a JSON escape, so applied to JSON text it keeps the
 * document's meaning. Applying it twice changes nothing more.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeOutput(text: string): string {
  return text
    .replace(UNSAFE_CHARS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '##\\u005b')
    .replace(/^(\s*):(?=:)/, '$1\\u003a');
}

// The same, for a whole multi-line text at once: every unsafe character but the line feed.
const UNSAFE_CHARS_BUT_LF =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A rendered multi-line text (a report for stdout): its own line breaks stay, each line is escaped,
 * exactly as escapeOutput would escape it. Done on the whole text rather than line by line, since a
 * report can be megabytes: once the other line breaks are escaped, only the line feed starts a line.
 */
export function escapeOutputLines(text: string): string {
  return text
    .replace(UNSAFE_CHARS_BUT_LF, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '##\\u005b')
    .replace(/^([^\S\n]*):(?=:)/gm, '$1\\u003a');
}

/** The runner-facing log of the Action, as @actions/core provides it. */
export interface RunnerMessages {
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly setFailed: (message: string) => void;
}

/** The same log with every message escaped: what the Action's entry hands to the gate. */
export function escapedRunnerMessages(log: RunnerMessages): RunnerMessages {
  return {
    info: (message) => log.info(escapeOutput(message)),
    warning: (message) => log.warning(escapeOutput(message)),
    setFailed: (message) => log.setFailed(escapeOutput(message)),
  };
}

/**
 * An unexpected failure as one escaped line, never its stack: "internal error: TypeError: …". The
 * entries print the stack only when debugging is asked for.
 */
export function internalErrorMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `internal error: ${escapeOutput(text)}`;
}

/**
 * The stack frames of an unexpected failure, for debugging: each line escaped, and without the
 * message at its top, which may span lines (internalErrorMessage prints it as one).
 */
export function stackFrames(error: unknown): string[] {
  if (!(error instanceof Error) || error.stack === undefined) return [];
  const header = `${error.name}: ${error.message}`;
  const frames = error.stack.startsWith(header) ? error.stack.slice(header.length) : error.stack;
  return frames
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(escapeOutput);
}
