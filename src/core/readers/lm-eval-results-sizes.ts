import { ownValue } from '../named-record.js';

/**
 * How many documents a task scored. lm-eval 0.4.3 and later write it (`n-samples`); 0.3 and
 * 0.4.0–0.4.2 do not, but their stderr of a mean of 0/1 scores is sqrt(p(1−p)/(n−1)), so
 * n = p(1−p)/se² + 1. That n is accepted only if it is a whole number (within 0.01) of at least 2
 * and p·n is a whole count too; every proportion of the task must give the same n.
 */
export type SizeOf =
  | { readonly n: number; readonly derivedFrom?: string }
  | { readonly problem: string; readonly field: string }
  /** No n-samples and no stderr at all: nothing to derive n from (0.3's mc_taco em/f1). */
  | { readonly unknown: string };

export interface ScoreLike {
  readonly value: number;
  readonly stderr: number | undefined;
}

const WHOLE = 0.01;

export function sizeOfTask(
  task: string,
  nSamples: Record<string, unknown> | undefined,
  scores: ReadonlyMap<string, ScoreLike>,
): SizeOf {
  if (nSamples !== undefined) {
    const entry = ownValue(nSamples, task) as { effective?: unknown; original?: unknown } | undefined;
    const n = entry?.effective ?? entry?.original;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
      return {
        field: `n-samples.${task}`,
        problem: `expected {"effective": N} with N ≥ 1 documents, got ${n === undefined ? 'no entry for this task' : JSON.stringify(n)}`,
      };
    }
    return { n };
  }
  const tried: string[] = [];
  const found = new Map<number, string>();
  for (const [name, { value: p, stderr }] of scores) {
    if (stderr === undefined || !(stderr > 0) || !(p > 0 && p < 1)) continue;
    const raw = (p * (1 - p)) / (stderr * stderr) + 1;
    const n = Math.round(raw);
    const whole = Math.abs(raw - n) <= WHOLE && n >= 2 && Math.abs(p * n - Math.round(p * n)) <= 1e-6 * n;
    tried.push(`${name}: ${raw.toFixed(3)}`);
    if (whole) found.set(n, name);
  }
  if (found.size === 1) {
    const [[n, name]] = [...found] as [[number, string]];
    return { n, derivedFrom: name };
  }
  const field = `results.${task}`;
  if (found.size > 1) {
    return {
      field,
      problem: `the file has no n-samples (lm-eval before 0.4.3) and the task's proportions give different sample counts (${[...found].map(([n, name]) => `${name}: ${n}`).join(', ')}): cannot tell how many documents were scored`,
    };
  }
  if (tried.length === 0)
    return { unknown: 'no n-samples and no proportion with a stderr to derive the number of documents from' };
  return {
    field,
    problem: `the file has no n-samples (lm-eval before 0.4.3), and n = p(1−p)/stderr² + 1 is not a whole number ≥ 2 for any proportion (${tried.join('; ')}): rerun with lm-eval 0.4.3 or later, or give the samples files`,
  };
}

/**
 * lm-eval 0.3 files (`results.<task>.<metric>` and `<metric>_stderr`, with `versions` and `config`
 * and no `configs`) in the 0.4 shape, filter `none`: one reading path for every version.
 */
export function asVersion04(doc: Record<string, unknown>): Record<string, unknown> {
  const results = doc.results as Record<string, unknown>;
  const isV03 =
    doc.configs === undefined &&
    Object.values(results).every(
      (entry) => entry !== null && typeof entry === 'object' && Object.keys(entry).every((key) => !key.includes(',')),
    );
  if (!isV03) return doc;
  const converted: Record<string, Record<string, unknown>> = {};
  for (const [task, entry] of Object.entries(results)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) out[`${key},none`] = value;
    converted[task] = out;
  }
  return { ...doc, results: converted };
}
