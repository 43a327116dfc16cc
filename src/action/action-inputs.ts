import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { didYouMean } from '../core/suggest-name.js';
import { baselineMaxBytesInput } from './byte-size.js';
import { FAIL_ON } from './step-outcome.js';

const boolean = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', ''], { error: 'expected true or false' }))
  .transform((value) => value !== 'false');

/** The Action's inputs, validated once; defaults live here, not scattered through the code. */
const inputsSchema = z.object({
  /** check: compare two models' eval results; canary: judge a running canary stage from its observations. */
  mode: z
    .string()
    .trim()
    .transform((value) => value.toLowerCase() || 'check')
    .pipe(
      z.enum(['check', 'canary'], {
        error: (issue) => `expected check or canary${didYouMean(String(issue.input), ['check', 'canary'])}`,
      }),
    ),
  incumbent: z.string().trim(),
  candidate: z.string().trim(),
  /** mode: canary: the canary's per-interval observations (model-release-gate/canary@1). */
  observations: z.string().trim(),
  policy: z.string().trim(),
  manifest: z.string().trim(),
  traffic: z.string().trim(),
  'out-dir': z.string().trim(),
  'gate-id': z
    .string()
    .trim()
    .transform((value) => value || 'default')
    .pipe(z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected letters, digits, ".", "_" or "-" (at most 64)')),
  comment: boolean,
  'upload-artifact': boolean,
  'artifact-name': z.string().trim(),
  'baseline-workflow': z.string().trim(),
  'baseline-branch': z.string().trim(),
  'baseline-max-bytes': baselineMaxBytesInput,
  'pull-request': z
    .string()
    .trim()
    .pipe(z.string().regex(/^(\d+)?$/, 'expected a pull request number')),
  'input-format': z.string().trim(),
  /** The old name of input-format, still accepted (with a warning). */
  format: z.string().trim(),
  'fail-on': z
    .string()
    .trim()
    .transform((value) => value.toLowerCase() || 'block')
    .pipe(
      z.enum(FAIL_ON, { error: (issue) => `expected block, warn or never${didYouMean(String(issue.input), FAIL_ON)}` }),
    ),
  columns: z.string().trim(),
  'cohort-field': z.string().trim(),
  /** Empty: the gate runs without the GitHub API (no comment, no artifact, no base-branch policy). */
  'github-token': z.string().trim(),
  /** The login that owns the sticky comment when the token is not the workflow's own. */
  'comment-author': z.string().trim(),
});

export type ActionInputs = Omit<z.output<typeof inputsSchema>, 'format'> & {
  /** Warnings about deprecated inputs that were given, for the log. */
  readonly deprecations: readonly string[];
};

export function readActionInputs(getInput: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(Object.keys(inputsSchema.shape).map((name) => [name, getInput(name)]));
  const result = inputsSchema
    .superRefine((inputs, ctx) => {
      // Each mode's required inputs; the other mode's are not needed.
      if (inputs.mode !== 'check') return;
      if (inputs.incumbent === '')
        ctx.addIssue({
          code: 'custom',
          path: ['incumbent'],
          message: 'required: a path to the incumbent eval results, or artifact:<name>/<file>',
        });
      else if (inputs.candidate === '')
        ctx.addIssue({
          code: 'custom',
          path: ['candidate'],
          message: 'required: a path to the candidate eval results',
        });
    })
    .safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'inputs');
    throw new InputError(`input ${name}`, issue?.message ?? 'is not valid');
  }
  const { format: deprecatedFormat, ...inputs } = result.data;
  if (deprecatedFormat === '') return { ...inputs, deprecations: [] };
  // `format` was renamed because the CLI's --format chooses the output, while this chooses the reader.
  if (inputs['input-format'] !== '' && inputs['input-format'] !== deprecatedFormat) {
    throw new InputError(
      'input input-format',
      `"${inputs['input-format']}" conflicts with the deprecated input format ("${deprecatedFormat}"), which is its old name: give only input-format`,
    );
  }
  const deprecation = `the input format is deprecated and will be removed in the next major version: rename it to input-format (it chooses the reader of the eval files, "${deprecatedFormat}" here)`;
  return { ...inputs, 'input-format': deprecatedFormat, deprecations: [deprecation] };
}

/** `artifact:<artifact-name>/<file in the artifact>`: the incumbent comes from an earlier run's artifact. */
export function parseArtifactReference(incumbent: string): { artifactName: string; file: string } | undefined {
  if (!incumbent.startsWith('artifact:')) return undefined;
  const rest = incumbent.slice('artifact:'.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || slash === rest.length - 1) {
    throw new InputError(
      'input incumbent',
      'expected artifact:<artifact-name>/<file in the artifact>, e.g. artifact:eval-results/candidate.jsonl',
    );
  }
  const file = rest.slice(slash + 1);
  if (file.split('/').includes('..'))
    throw new InputError('input incumbent', 'the file inside the artifact may not contain ".."');
  return { artifactName: rest.slice(0, slash), file };
}
