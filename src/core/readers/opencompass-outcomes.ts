import { InputError } from '../errors.js';
import { describe } from '../input/example-layout.js';

/**
 * Whether each example of an OpenCompass per-example file was answered correctly, and how that was
 * decided (a note for the reviewer). Two files carry it:
 *
 * - results/<model>/<dataset>.json written with --dump-eval-details: `details`, one entry per
 *   example with OpenCompass's own verdict `correct` (after its dataset's postprocessor). Preferred.
 * - predictions/<model>/<dataset>.json: {"0": {origin_prompt, prediction, gold}, …}. A perplexity
 *   (PPL) run's prediction is the chosen label, compared with gold as text, as OpenCompass does. A
 *   generation run's prediction is the raw generation: OpenCompass extracts the answer with a
 *   dataset-specific postprocessor the gate cannot run, so the gate compares prediction and gold
 *   after trimming white space only, and refuses a file whose predictions are evidently unextracted
 *   text (exact match would call nearly every answer wrong, on both sides, and pass a regression).
 */
export interface Outcome {
  readonly key: string;
  readonly correct: boolean;
}

/** More than this share of long free-text predictions means the file holds raw generations. */
const RAW_SHARE = 0.1;
const DETAILS_FIX =
  "Re-run the evaluation with --dump-eval-details and give results/<model>/<dataset>.json, whose details carry OpenCompass's own verdict per example";

export function detailsOutcomes(
  details: unknown,
  fail: (field: string, problem: string) => never,
): { outcomes: Outcome[]; note: string } {
  const entries: [string, unknown][] = Array.isArray(details)
    ? details.map((d, i) => [String(i), d])
    : Object.entries(details as Record<string, unknown>);
  const outcomes = entries.map(([key, entry]): Outcome => {
    const correct = (entry as { correct?: unknown } | null)?.correct;
    if (typeof correct === 'boolean') return { key, correct };
    if (Array.isArray(correct)) {
      fail(
        `details.${key}.correct`,
        `expected true or false, got a list (${correct.length} samples per example, n > 1): the gate compares one verdict per example; evaluate with n = 1`,
      );
    }
    return fail(
      `details.${key}.correct`,
      `expected true or false (OpenCompass's verdict for this example), got ${correct === undefined ? 'nothing: this evaluator wrote no per-example verdict' : describe(correct)}`,
    );
  });
  return { outcomes, note: "correct = OpenCompass's own per-example verdict (details[].correct)" };
}

export function predictionOutcomes(
  root: Record<string, unknown>,
  file: string,
  fail: (field: string, problem: string) => never,
): { outcomes: Outcome[]; note: string } {
  let ppl = 0;
  let raw = 0;
  const outcomes = Object.entries(root).map(([key, entry]): Outcome => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      fail(key, `expected an example {"origin_prompt", "prediction", "gold"}, got ${describe(entry)}`);
    const e = entry as Record<string, unknown>;
    const isPpl = Object.keys(e).some((k) => k.startsWith('label: '));
    if (isPpl) ppl++;
    const prediction = text(e.prediction, `${key}.prediction`, 'prediction', fail);
    const gold = text(e.gold, `${key}.gold`, 'gold', fail);
    if (isPpl) return { key, correct: prediction === gold };
    const [p, g] = [prediction.trim(), gold.trim()];
    if (p !== g && (p.includes('\n') || p.length > 4 * g.length + 16)) raw++;
    return { key, correct: p === g };
  });
  if (outcomes.length > 0 && raw > RAW_SHARE * outcomes.length) {
    throw new InputError(
      file,
      `${raw} of ${outcomes.length} predictions are free text that is not the answer itself (OpenCompass extracts the answer with the dataset's postprocessor, which the gate cannot run): comparing them with gold would call nearly every answer wrong. ${DETAILS_FIX}`,
      { field: 'prediction' },
    );
  }
  const note =
    ppl === outcomes.length
      ? 'correct = the chosen label equals gold (a perplexity run, as OpenCompass compares them)'
      : 'correct = prediction equals gold after trimming white space (no answer extraction: the predictions are already answers)';
  return { outcomes, note };
}

function text(value: unknown, field: string, what: string, fail: (field: string, problem: string) => never): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return fail(
      field,
      `expected one ${what}, got a list of ${value.length} (several ${what === 'gold' ? 'references' : 'samples per example'}): OpenCompass's evaluator decides which counts. ${DETAILS_FIX}`,
    );
  }
  return fail(field, `expected the ${what} as text, got ${value === undefined ? 'nothing' : describe(value)}`);
}
