import { collectPairedEvidence } from '../compare/collect-paired.js';
import { collectSummaryEvidence } from '../compare/collect-summary.js';
import type { CohortMetricEvidence } from '../compare/comparison-data.js';
import {
  QuantileBootstrapRunner,
  attachQuantileBootstraps,
  runQuantileBootstrapsHere,
} from '../compare/quantile-bootstraps.js';
import { OVERALL } from '../cohorts.js';
import { InputError } from '../errors.js';
import { missingValueFindings, pairedDataFindings, unmatchedFinding } from '../findings/data-findings.js';
import type { Finding } from '../findings/finding.js';
import type { ExampleColumnsLoader } from '../load/example-columns.js';
import { Selector, locatorLabel } from '../input/input-locator.js';
import { loadPairedExamples } from '../load/paired-data.js';
import { SummarySide, summaryFromReader, summarySide } from '../input/summary-data.js';
import type { TextSource } from '../input/text-source.js';
import { quantileOf } from '../policy/effective-settings.js';
import type { Policy, Statistic } from '../policy/policy-schema.js';
import { peekSource } from '../readers/peek.js';
import type { EvalReader, ReadTally, ReaderOptions } from '../readers/reader-types.js';
import { checkReaderOptions, chooseReader, isBinaryFormat, producesSummary } from '../readers/registry.js';
import type { RepeatSummary } from '../load/repeats.js';
import { jsonlReader } from '../readers/native-readers.js';
import { PAIRED_SUMMARY_SCHEMA } from '../load/paired-summary-schema.js';
import { pairedSummaryEvidence } from '../compare/collect-paired-summary.js';
import { loadPairedSummary } from '../load/paired-summary.js';
import type { InputDescription } from '../report/report.js';

/** How the eval files are read: a forced format (--format-in) and reader options (column mapping, cohort field). */
export interface ReadSettings {
  readonly formatIn?: string | undefined;
  readonly options?: ReaderOptions | undefined;
  /** One part of a file per side (`file.json#provider=A`), from the input locator; shared options otherwise. */
  readonly select?:
    { readonly incumbent?: Selector | undefined; readonly candidate?: Selector | undefined } | undefined;
}

export interface LoadedInputs {
  readonly evidence: CohortMetricEvidence[];
  readonly dataFindings: Finding[];
  readonly descriptions: { incumbent: InputDescription; candidate: InputDescription };
  readonly design: 'paired' | 'unpaired';
}

/**
 * Recognizes both eval files, reads them with their readers, and turns them into evidence: paired
 * by id when both are per-example, unpaired when both are summaries. Mixed kinds are an error.
 */
export async function loadInputs(
  files: { incumbent: TextSource; candidate: TextSource },
  policy: Policy,
  read: ReadSettings,
  workers: {
    loadExampleColumns?: ExampleColumnsLoader | undefined;
    runQuantileBootstraps?: QuantileBootstrapRunner | undefined;
  },
): Promise<LoadedInputs> {
  const shared = withPolicyInputs(read.options ?? {}, policy);
  const optionsOf = (side: 'incumbent' | 'candidate'): ReaderOptions => {
    const select = read.select?.[side];
    return select === undefined ? shared : { ...shared, select };
  };
  const options = optionsOf('incumbent');
  const candidateOptions = optionsOf('candidate');
  const incumbent = await recognize(files.incumbent, read.formatIn, options);
  if (incumbent.pairedSummary) {
    // A paired summary was paired where it was computed: reader options would be ignored.
    checkReaderOptions({ name: 'paired-summary' }, options, files.incumbent.path);
    return loadPairedSummaryInput(incumbent.source, files.candidate.path, policy);
  }
  const candidate = await recognize(files.candidate, read.formatIn, candidateOptions);
  if (candidate.pairedSummary) {
    throw new InputError(
      files.candidate.path,
      'a paired summary holds both models: give it alone (--paired <file> in the CLI, or the same file as incumbent and candidate)',
    );
  }
  if (producesSummary(incumbent.reader) !== producesSummary(candidate.reader)) {
    throw new InputError(
      files.candidate.path,
      `mismatched formats: the incumbent is ${describe(incumbent.reader)} but the candidate is ${describe(candidate.reader)}; give both per-example results (paired by id) or both per-cohort summaries`,
    );
  }
  const statisticOf = (metric: string): Statistic => policyStatistic(policy, metric);

  if (producesSummary(incumbent.reader)) {
    const a = await readSummary(incumbent.reader, incumbent.source, options);
    const b = await readSummary(candidate.reader, candidate.source, candidateOptions);
    return {
      evidence: collectSummaryEvidence(
        { kind: 'summary', incumbent: a.side, candidate: b.side },
        { incumbent: files.incumbent.path, candidate: files.candidate.path },
        statisticOf,
      ),
      dataFindings: missingValueFindings(
        { incumbent: a.tally, candidate: b.tally },
        { incumbent: null, candidate: null },
        policy,
      ),
      descriptions: {
        incumbent: describeSummary(incumbent.source, incumbent.reader, a),
        candidate: describeSummary(candidate.source, candidate.reader, b),
      },
      design: 'unpaired',
    };
  }

  const quantileMetrics = new Set(
    Object.entries(policy.metrics).flatMap(([name, m]) =>
      m.statistic !== undefined && quantileOf(m.statistic) !== undefined ? [name] : [],
    ),
  );
  const data = await loadPairedExamples(
    { source: incumbent.source, spec: { reader: incumbent.reader.name, options } },
    { source: candidate.source, spec: { reader: candidate.reader.name, options: candidateOptions } },
    quantileMetrics,
    workers.loadExampleColumns,
    { pairBy: policy.inputs.pair_by, repeats: policy.inputs.repeats },
  );
  const evidence = await attachQuantileBootstraps(
    collectPairedEvidence(data, statisticOf),
    policy,
    workers.runQuantileBootstraps ?? runQuantileBootstrapsHere,
  );
  const example = (
    path: string,
    sha256: string,
    reader: EvalReader,
    examples: number,
    side: 'incumbent' | 'candidate',
  ): InputDescription => ({
    path,
    sha256,
    format: reader.name,
    examples,
    model: null,
    dataset: null,
    ...readingNotes(data.tallies[side], data.repeats[side], policy),
  });
  return {
    evidence,
    dataFindings: pairedDataFindings(data, policy),
    descriptions: {
      incumbent: example(
        locatorLabel(files.incumbent.path, read.select?.incumbent),
        data.sha256.incumbent,
        incumbent.reader,
        data.examples.incumbent,
        'incumbent',
      ),
      candidate: example(
        locatorLabel(files.candidate.path, read.select?.candidate),
        data.sha256.candidate,
        candidate.reader,
        data.examples.candidate,
        'candidate',
      ),
    },
    design: 'paired',
  };
}

interface Recognized {
  readonly reader: EvalReader;
  readonly source: TextSource;
  /** The file is a paired summary: both models in one file, read by its own loader. */
  readonly pairedSummary: boolean;
}

async function recognize(
  source: TextSource,
  formatIn: string | undefined,
  options: ReaderOptions,
): Promise<Recognized> {
  // Binary formats are recognized by name: their bytes are not text to peek at.
  if (isBinaryFormat(source.path)) {
    const reader = chooseReader({ path: source.path, head: '' }, formatIn, options);
    checkReaderOptions(reader, options, source.path);
    return { reader, source, pairedSummary: false };
  }
  const peeked = await peekSource(source);
  if (
    (formatIn === undefined || formatIn === '' || formatIn === 'paired-summary') &&
    peeked.probe.head.includes(PAIRED_SUMMARY_SCHEMA)
  ) {
    return { reader: jsonlReader, source: peeked.source, pairedSummary: true };
  }
  const reader = chooseReader(peeked.probe, formatIn, options);
  checkReaderOptions(reader, options, source.path);
  return { reader, source: peeked.source, pairedSummary: false };
}

/**
 * A paired summary (counts computed in a warehouse) gives the same evidence the per-example path
 * would: the 2×2 tables and the moments of the differences. It is one file for both models, so the
 * candidate must be that same file.
 */
async function loadPairedSummaryInput(
  source: TextSource,
  candidatePath: string,
  policy: Policy,
): Promise<LoadedInputs> {
  if (candidatePath !== source.path) {
    throw new InputError(
      candidatePath,
      `the incumbent ${source.path} is a paired summary, which holds both models: give it as the candidate too (or use --paired)`,
    );
  }
  const summary = await loadPairedSummary(source);
  const evidence = pairedSummaryEvidence(summary, (metric) => policyStatistic(policy, metric));
  const overall = summary.cohorts.get(OVERALL);
  const dataFindings: Finding[] = [];
  if (overall !== undefined) {
    for (const [side, total] of [
      ['incumbent', overall.nIncumbent],
      ['candidate', overall.nCandidate],
    ] as const) {
      const finding = unmatchedFinding(
        side,
        total - overall.n,
        total,
        policy,
        ' (as the paired summary counts overall)',
      );
      if (finding !== undefined) dataFindings.push(finding);
    }
  }
  const describe = (model: { name: string; version: string } | undefined): InputDescription => ({
    path: source.path,
    sha256: source.sha256(),
    format: 'paired-summary',
    examples: overall?.n ?? null,
    model: model ?? null,
    dataset: summary.dataset ?? null,
  });
  return {
    evidence,
    dataFindings,
    descriptions: { incumbent: describe(summary.models.incumbent), candidate: describe(summary.models.candidate) },
    design: 'paired',
  };
}

async function readSummary(
  reader: EvalReader,
  source: TextSource,
  options: ReaderOptions,
): Promise<{ side: SummarySide; tally?: ReadTally | undefined }> {
  const output = await reader.read(source, options);
  if (output.kind !== 'summary')
    throw new InputError(source.path, `the ${reader.name} reader gives per-example results, not a summary`);
  // The gate's own summary was validated with line numbers already; converted ones are validated here.
  const side = reader.name === 'summary' ? summarySide(output.summary) : summaryFromReader(source.path, output.summary);
  return { side, tally: output.tally };
}

/** The policy's `inputs` choices as reader options (the caller's own choice of missing values wins). */
function withPolicyInputs(options: ReaderOptions, policy: Policy): ReaderOptions {
  const missingValues = options.missingValues ?? policy.inputs.missing_values;
  return { ...options, pairBy: policy.inputs.pair_by, ...(missingValues === undefined ? {} : { missingValues }) };
}

/** What a reviewer should know about how a file was read: the reader's notes, combined repeats, row pairing. */
function readingNotes(
  tally: ReadTally | undefined,
  repeats: RepeatSummary | undefined,
  policy: Policy,
): Pick<InputDescription, 'notes' | 'repeats'> {
  const notes = [...(tally?.notes ?? [])];
  if (policy.inputs.pair_by === 'row')
    notes.push("paired by row order (inputs.pair_by: row): each example's id is its row number");
  if (repeats !== undefined) {
    const k = repeats.min === repeats.max ? `${repeats.min}` : `${repeats.min} to ${repeats.max}`;
    const rule = policy.inputs.repeats === 'any' ? 'any repeat passes (pass@k)' : 'every repeat passes (pass^k)';
    notes.push(
      `${repeats.ids} id(s) have repeated records (${k} per example), combined as inputs.repeats: ${policy.inputs.repeats} says: an outcome passes when ${rule}, scores are averaged`,
    );
  }
  return { ...(notes.length === 0 ? {} : { notes }), ...(repeats === undefined ? {} : { repeats }) };
}

/** The statistic the policy names for a metric; an inherited name such as `constructor` names nothing. */
function policyStatistic(policy: Policy, metric: string): Statistic {
  return Object.hasOwn(policy.metrics, metric) ? (policy.metrics[metric]?.statistic ?? 'mean') : 'mean';
}

function describe(reader: EvalReader): string {
  return producesSummary(reader) ? `a per-cohort summary (${reader.name})` : `per-example results (${reader.name})`;
}

function describeSummary(
  source: TextSource,
  reader: EvalReader,
  { side, tally }: { side: SummarySide; tally?: ReadTally | undefined },
): InputDescription {
  const notes = tally?.notes ?? [];
  return {
    path: source.path,
    sha256: source.sha256(),
    format: reader.name,
    examples: null,
    model: side.model ?? null,
    dataset: side.dataset ?? null,
    ...(notes.length === 0 ? {} : { notes: [...notes] }),
  };
}
