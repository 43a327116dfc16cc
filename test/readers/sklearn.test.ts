import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { summarySchema } from '../../src/core/input/summary-schema.js';
import type { ReaderOutput } from '../../src/core/readers/reader-types.js';
import { sklearnReader } from '../../src/core/readers/sklearn-reader.js';
import { memorySource } from '../helpers/memory-source.js';

const dir = new URL('../fixtures/readers/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, dir), 'utf8');
const probe = (path: string, text = fixture(path)) => ({ path, head: text.slice(0, 65536) });

const GATE_SUMMARY = JSON.stringify({
  schema: 'model-release-gate/summary@1',
  cohorts: { overall: { n: 6000, metrics: { accuracy: { successes: 5641 }, auc: { value: 0.955 } } } },
});
const GATE_JSONL =
  '{"id":"txn-00000","cohorts":["region:latam"],"label":"legit","prediction":"fraud","metrics":{"latency_ms":106.1}}\n';

async function read(path: string, text = fixture(path)) {
  const output: ReaderOutput = await sklearnReader.read(memorySource(path, text), {});
  if (output.kind !== 'summary') throw new Error('expected a summary');
  // Whatever the reader returns must be a summary the gate itself accepts.
  expect(summarySchema.safeParse(output.summary).success).toBe(true);
  return output.summary;
}

async function readError(path: string, text: string): Promise<InputError> {
  const error: unknown = await sklearnReader.read(memorySource(path, text), {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('sklearn reader: detect', () => {
  it('recognizes classification_report(output_dict=True) files, with or without the averages in the head', () => {
    for (const file of [
      'incumbent-report.json',
      'candidate-report.json',
      'labels-subset-report.json',
      'weighted-report.json',
      'malformed-report.json',
    ]) {
      expect(sklearnReader.detect(probe(`sklearn/${file}`)), file).toBe(true);
    }
    const cut = fixture('sklearn/incumbent-report.json').slice(0, 120);
    expect(sklearnReader.detect({ path: 'r.json', head: cut })).toBe(true);
  });

  it('does not claim the other tools’ files or the gate’s own', () => {
    for (const file of [
      'mlflow/incumbent-eval_results_table.json',
      'promptfoo/incumbent-results.json',
      'promptfoo/two-providers-results.json',
    ]) {
      expect(sklearnReader.detect(probe(file)), file).toBe(false);
    }
    expect(sklearnReader.detect({ path: 'summary.json', head: GATE_SUMMARY })).toBe(false);
    expect(sklearnReader.detect({ path: 'results.jsonl', head: GATE_JSONL })).toBe(false);
  });
});

describe('sklearn reader: read', () => {
  it('turns each class into label:<class> with recall back into counts, and accuracy into overall', async () => {
    const summary = await read('sklearn/incumbent-report.json');
    expect(summary.schema).toBe('model-release-gate/summary@1');
    expect(Object.keys(summary.cohorts)).toEqual(['overall', 'label:fraud', 'label:legit', 'label:review']);
    expect(summary.cohorts.overall).toEqual({ n: 2000, metrics: { accuracy: { successes: 1924 } } });
    // The rare class: 30 of its 40 examples predicted right.
    expect(summary.cohorts['label:fraud']).toEqual({
      n: 40,
      metrics: {
        accuracy: { successes: 30, n: 40 },
        precision: { value: 0.7142857142857143 },
        f1: { value: 0.7317073170731706 },
      },
    });
    expect(summary.cohorts['label:legit']?.metrics.accuracy).toEqual({ successes: 1764, n: 1800 });
    expect(summary.cohorts['label:review']?.metrics.accuracy).toEqual({ successes: 130, n: 160 });
  });

  it('recovers whole counts from rates that are not exact in binary (0.65 × 40, 0.98333… × 1800)', async () => {
    const summary = await read('sklearn/candidate-report.json');
    expect(summary.cohorts.overall?.metrics.accuracy).toEqual({ successes: 1930 });
    expect(summary.cohorts['label:fraud']?.metrics.accuracy).toEqual({ successes: 26, n: 40 });
    expect(summary.cohorts['label:legit']?.metrics.accuracy).toEqual({ successes: 1770, n: 1800 });
    expect(summary.cohorts['label:review']?.metrics.accuracy).toEqual({ successes: 134, n: 160 });
  });

  it('gives no overall without "accuracy" (labels= subset, multilabel) and skips a class with no examples', async () => {
    const summary = await read('sklearn/labels-subset-report.json');
    expect(Object.keys(summary.cohorts)).toEqual(['label:fraud', 'label:review']);
    expect(summary.cohorts['label:review']?.metrics.accuracy).toEqual({ successes: 130, n: 160 });
  });

  it('reads NaN (zero_division=np.nan) as an absent precision or F1, and leaves a class named "NaN" alone', async () => {
    const text =
      '{"NaN": {"precision": NaN, "recall": 0.0, "f1-score": NaN, "support": 40}, "legit": {"precision": 0.95, "recall": 1.0, "f1-score": 0.9743589743589743, "support": 760}, ' +
      '"accuracy": 0.95, "macro avg": {"precision": NaN, "recall": 0.5, "f1-score": NaN, "support": 800}, "weighted avg": {"precision": NaN, "recall": 0.95, "f1-score": NaN, "support": 800}}';
    const summary = await read('nan.json', text);
    expect(summary.cohorts['label:NaN']).toEqual({ n: 40, metrics: { accuracy: { successes: 0, n: 40 } } });
    expect(summary.cohorts.overall).toEqual({ n: 800, metrics: { accuracy: { successes: 760 } } });
  });
});

describe('sklearn reader: errors', () => {
  it('names the file, line and field of a class without support', async () => {
    const error = await readError('sklearn/malformed-report.json', fixture('sklearn/malformed-report.json'));
    expect(error.message).toContain('sklearn/malformed-report.json');
    expect(error.field).toBe('fraud.support');
    expect(error.line).toBe(2);
    expect(error.problem).toMatch(
      /expected the number of true examples of this class \(a whole number\), but the key is missing/,
    );
  });

  it('reads supports written as whole floats (60.0, as scikit-learn ≥ 1.4 and pandas write them) as counts, with a note', async () => {
    const output = await sklearnReader.read(memorySource('floats.json', fixture('sklearn/weighted-report.json')), {});
    if (output.kind !== 'summary') throw new Error('expected a summary');
    expect(output.summary.cohorts['label:fraud']).toEqual({
      n: 60,
      metrics: {
        accuracy: { successes: 45, n: 60 },
        precision: { value: 0.7894736842105263 },
        f1: { value: 0.7692307692307692 },
      },
    });
    expect(output.summary.cohorts.overall).toEqual({ n: 2020, metrics: { accuracy: { successes: 1939 } } });
    expect(output.tally?.notes).toEqual([
      'supports written as whole floats (60.0) were read as counts of examples, as scikit-learn and pandas write them',
    ]);
  });

  it('rejects a support with a fractional part (sample_weight), saying so plainly', async () => {
    const text = fixture('sklearn/weighted-report.json').replace('"support": 60.0', '"support": 60.5');
    const error = await readError('weighted.json', text);
    expect(error.field).toBe('fraud.support');
    expect(error.problem).toMatch(
      /^support 60\.5 has a fractional part, so it is not a count of examples: the report was computed with sample_weight/,
    );
  });

  it('reads a report saved with pandas DataFrame(report).to_json(): the accuracy row repeats the accuracy in its four cells', async () => {
    const report = JSON.parse(fixture('sklearn/weighted-report.json')) as Record<string, unknown>;
    const acc = report.accuracy as number;
    report.accuracy = { precision: acc, recall: acc, 'f1-score': acc, support: acc };
    const output = await sklearnReader.read(memorySource('pandas.json', JSON.stringify(report)), {});
    if (output.kind !== 'summary') throw new Error('expected a summary');
    expect(output.summary.cohorts.overall).toEqual({ n: 2020, metrics: { accuracy: { successes: 1939 } } });
    report.accuracy = { precision: acc, recall: 0.5, 'f1-score': acc, support: acc };
    const error = await readError('pandas.json', JSON.stringify(report));
    expect(error.field).toBe('accuracy');
    expect(error.problem).toMatch(/its cells differ/);
  });

  it('rejects a NaN recall: the share of a class predicted right cannot be undefined when it has examples', async () => {
    const text =
      '{"fraud": {"precision": 0.5, "recall": NaN, "f1-score": 0.5, "support": 40}, "macro avg": {"precision": 0.5, "recall": 0.5, "f1-score": 0.5, "support": 40}}';
    const error = await readError('r.json', text);
    expect(error.field).toBe('fraud.recall');
    expect(error.problem).toMatch(/expected a number between 0 and 1, got NaN/);
  });

  it('rejects a recall that is not a whole number of the class’s examples', async () => {
    const text = '{"fraud": {"precision": 0.5, "recall": 0.71, "f1-score": 0.5, "support": 40}, "accuracy": 0.71}';
    const error = await readError('r.json', text);
    expect(error.field).toBe('fraud.recall');
    expect(error.problem).toMatch(/0\.71 × 40 examples = 28\.4, not a whole number/);
  });

  it('rejects supports that do not add up to the averages’ (a class row was dropped)', async () => {
    const report = JSON.parse(fixture('sklearn/incumbent-report.json')) as Record<string, unknown>;
    delete report.review;
    const error = await readError('r.json', JSON.stringify(report, null, 2));
    expect(error.field).toBe('macro avg.support');
    expect(error.problem).toMatch(/class supports add up to 1840, but "macro avg".support is 2000/);
  });

  it('rejects what is not a report object', async () => {
    expect((await readError('r.json', '[1, 2]')).problem).toMatch(/expected a JSON object/);
    expect((await readError('r.json', '{"fraud": 3, "accuracy": 0.5}')).field).toBe('fraud');
  });
});
