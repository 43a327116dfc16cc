/**
 * An input the gate cannot judge. It always names where the problem is (file, and line or field when
 * known) and what was expected, and it always ends the run with exit code 2: never a pass.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  /** The message without the location prefix. */
  readonly problem: string;

  constructor(file: string, problem: string, location: { line?: number; field?: string } = {}) {
    const where = [file, location.line === undefined ? '' : `line ${location.line}`, location.field ?? '']
      .filter((part) => part !== '')
      .join(', ');
    super(`${where}: ${problem}`);
    this.name = 'InputError';
    this.file = file;
    this.line = location.line;
    this.field = location.field;
    this.problem = problem;
  }
}
