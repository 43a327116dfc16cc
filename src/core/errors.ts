import { escapeOutput } from './escape-output.js';

/** Where in the file, and lines of explanation the code wrote (a list of choices) to show below it. */
export interface InputErrorLocation {
  readonly line?: number;
  readonly field?: string;
  readonly details?: readonly string[];
}

/**
 * An input the gate cannot judge. It always names where the problem is (file, and line or field when
 * known) and what was expected, and it always ends the run with exit code 2: never a pass.
 *
 * Messages quote input (a column name, a key, a value) and are printed to terminals and CI logs, so
 * every part is escaped here, once, whoever prints it: no line break, control character or runner
 * command can come from input. The message's only line breaks are the ones before each detail line.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  /** The message without the location prefix (and without the details). */
  readonly problem: string;
  readonly details: readonly string[];

  constructor(file: string, problem: string, location: InputErrorLocation = {}) {
    const safeFile = escapeOutput(file);
    const safeField = location.field === undefined ? undefined : escapeOutput(location.field);
    const safeProblem = escapeOutput(problem);
    const safeDetails = (location.details ?? []).map(escapeOutput);
    const where = [safeFile, location.line === undefined ? '' : `line ${location.line}`, safeField ?? '']
      .filter((part) => part !== '')
      .join(', ');
    super(`${where}: ${safeProblem}${safeDetails.map((detail) => `\n  ${detail}`).join('')}`);
    this.name = 'InputError';
    this.file = safeFile;
    this.line = location.line;
    this.field = safeField;
    this.problem = safeProblem;
    this.details = safeDetails;
  }
}
