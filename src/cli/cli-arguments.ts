import { parseArgs } from 'node:util';
import { isCalendarDate } from '../core/manifest/manifest-values.js';
import { closestName } from '../core/suggest-name.js';
import { CanaryOptions, canaryOptions } from './canary-arguments.js';
import { COMMANDS, FORMATS, OPTIONS } from './usage.js';

/**
 * The command line, checked: what to do, or a UsageError that says in a line or two what is wrong
 * and, for a likely typo, what was meant. The whole usage text is for --help, not for every mistake.
 */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'check'; readonly options: CheckOptions }
  | { readonly kind: 'canary'; readonly options: CanaryOptions };

export type OutputFormat = (typeof FORMATS)[number];

export interface CheckOptions {
  readonly incumbent: string;
  readonly candidate: string;
  readonly format: OutputFormat;
  readonly quiet: boolean;
  readonly policy?: string | undefined;
  readonly manifest?: string | undefined;
  readonly baseManifest?: string | undefined;
  readonly traffic?: string | undefined;
  readonly out?: string | undefined;
  readonly author?: string | undefined;
  readonly today?: string | undefined;
  readonly formatIn?: string | undefined;
  readonly columns?: string | undefined;
  readonly cohortField?: string | undefined;
}

/** A mistake in the command line: one line per problem, and at most one "did you mean" line. */
export class UsageError extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly suggestion?: string,
  ) {
    super(problems.join('; '));
    this.name = 'UsageError';
  }
}

const LONG_NAMES = Object.keys(OPTIONS);
const SHORT_NAMES = Object.values(OPTIONS).flatMap((option) => ('short' in option ? [option.short] : []));

export function parseCliArguments(argv: readonly string[]): CliCommand {
  if (argv.length === 0)
    throw new UsageError(['no command given: expected model-release-gate check --incumbent <file> --candidate <file>']);
  refuseUnknownOptions(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError([parseProblem(error)]);
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals[0] === 'help') return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  if (positionals[0] === 'canary') {
    if (positionals.length > 1)
      throw new UsageError([`expected options after "canary", got ${JSON.stringify(positionals.slice(1).join(' '))}`]);
    const { options, problems } = canaryOptions(values);
    if (options === undefined) throw new UsageError(problems);
    return { kind: 'canary', options };
  }
  return { kind: 'check', options: checkOptions(values, positionals) };
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function checkOptions(values: Values, positionals: readonly string[]): CheckOptions {
  const problems: string[] = [];
  let suggestion: string | undefined;
  let { incumbent, candidate } = values;
  if (values.paired !== undefined) {
    if (incumbent !== undefined || candidate !== undefined)
      problems.push('--paired replaces --incumbent and --candidate: give one or the other');
    incumbent = values.paired;
    candidate = values.paired;
  }
  if (positionals.length === 0) problems.push('no command given: expected "check" or "canary" before the options');
  else if (positionals.length > 1 || positionals[0] !== 'check') {
    problems.push(`expected the command "check" or "canary", got ${JSON.stringify(positionals.join(' '))}`);
    const meant = positionals.length === 1 ? closestName(positionals[0] as string, COMMANDS) : undefined;
    if (meant !== undefined) suggestion = `did you mean ${meant}?`;
  }
  if (incumbent === undefined) problems.push('--incumbent <file> is required');
  if (candidate === undefined) problems.push('--candidate <file> is required');
  const format = values.format ?? 'text';
  if (!isFormat(format)) {
    problems.push(
      `--format must be text, markdown or json, got ${JSON.stringify(format)} (or comment: the pull-request comment's body)`,
    );
    const meant = closestName(format, FORMATS);
    if (meant !== undefined) suggestion ??= `did you mean --format ${meant}?`;
  }
  for (const name of ['observations', 'now'] as const)
    if (values[name] !== undefined) problems.push(`--${name} is an option of canary, not of check`);
  if (values.today !== undefined && !isCalendarDate(values.today))
    problems.push(`--today must be a date written as YYYY-MM-DD, got ${JSON.stringify(values.today)}`);
  // An empty value would be dropped on the way to the reader: refuse it rather than ignore it.
  for (const option of ['cohort-field', 'columns', 'format-in', 'traffic'] as const) {
    if (values[option]?.trim() === '') problems.push(`--${option} needs a value`);
  }
  if (problems.length > 0 || incumbent === undefined || candidate === undefined || !isFormat(format))
    throw new UsageError(problems, suggestion);
  return {
    incumbent,
    candidate,
    format,
    quiet: values.quiet === true,
    policy: values.policy,
    manifest: values.manifest,
    baseManifest: values['base-manifest'],
    traffic: values.traffic,
    out: values.out,
    author: values.author,
    today: values.today,
    formatIn: values['format-in'],
    columns: values.columns,
    cohortField: values['cohort-field'],
  };
}

function isFormat(format: string): format is OutputFormat {
  return (FORMATS as readonly string[]).includes(format);
}

/**
 * Finds the first option that is not one of ours, the way parseArgs walks the arguments (a string
 * option without `=` takes the next argument as its value), so the message can name it and suggest
 * the option most likely meant, whatever wording the running Node version gives its own error.
 */
function refuseUnknownOptions(argv: readonly string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const long = arg.startsWith('--');
    const name = long ? (arg.slice(2).split('=')[0] as string) : arg.slice(1);
    const known = long ? LONG_NAMES.includes(name) : [...name].every((letter) => SHORT_NAMES.includes(letter as never));
    if (!known) {
      const typed = long ? `--${name}` : arg;
      const meant = closestName(name.replace(/^-+/, ''), LONG_NAMES);
      throw new UsageError([`unknown option ${typed}`], meant === undefined ? undefined : `did you mean --${meant}?`);
    }
    if (long && !arg.includes('=') && OPTIONS[name as keyof typeof OPTIONS].type === 'string') i += 1;
  }
}

/** parseArgs' own complaint (a missing value, a value given to a switch) in one line, naming the option. */
function parseProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
  if (option !== undefined && /argument missing|ambiguous/.test(message)) {
    return `${option} needs a value${/ambiguous/.test(message) ? ` (a value that starts with a dash is written ${option}=<value>)` : ''}`;
  }
  if (option !== undefined && /does not take an argument/.test(message)) return `${option} takes no value`;
  return message.split('\n')[0] ?? message;
}
