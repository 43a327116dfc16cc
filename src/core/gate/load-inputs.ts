import { collectPairedEvidence } from '../compare/collect-paired.js';
import { collectSummaryEvidence } from '../compare/collect-summary.js';
import type { CohortMetricEvidence } from '../compare/comparison-data.js';
import { QuantileBootstrapRunner, attachQuantileBootstraps, runQuantileBootstrapsHere } from '../compare/quantile-bootstraps.js';
import { InputError } from '../errors.js';
import { pairedDataFindings, unmatchedFinding } from '../findings/data-findings.js';
import type { Finding } from '../findings/finding.js';
import type { ExampleColumnsLoader } from '../load/example-columns.js';
import { loadPairedExamples } from '../load/paired-data.js';
import { SummarySide, summaryFromReader, summarySide } from '../load/summary-data.js';
import type { TextSource } from '../load/text-source.js';
import { quantileOf } from '../policy/effective-settings.js';
import type { Policy, Statistic } from '../policy/policy-schema.js';
import { peekSource } from '../readers/peek.js';
import type { EvalReader, ReaderOptions } from '../readers/reader-types.js';
import { chooseReader, isBinaryFormat, producesSummary } from '../readers/registry.js';
import { jsonlReader } from '../readers/native-readers.js';
import { PAIRED_SUMMARY_SCHEMA } from '../load/paired-summary-schema.js';
import { loadPairedSummary, pairedSummaryEvidence } from '../load/paired-summary.js';
import type { InputDescription } from '../report/report.js';

/** How the eval files are read: a forced format (--format-in) and reader options (column mapping, cohort field). */
export interface ReadSettings {
  readonly formatIn?: string | undefined;
  readonly options?: ReaderOptions | undefined;
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
  workers: { loadExampleColumns?: ExampleColumnsLoader | undefined; runQuantileBootstraps?: QuantileBootstrapRunner | undefined },
): Promise<LoadedInputs> {
  const options = read.options ?? {};
  const incumbent = await recognize(files.incumbent, read.formatIn, options);
  if (incumbent.pairedSummary) return loadPairedSummaryInput(incumbent.source, files.candidate.path, policy);
  const candidate = await recognize(files.candidate, read.formatIn, options);
  if (candidate.pairedSummary) {
    throw new InputError(files.candidate.path, 'a paired summary holds both models: give it alone (--paired <file> in the CLI, or the same file as incumbent and candidate)');
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
    const b = await readSummary(candidate.reader, candidate.source, options);
    return {
      evidence: collectSummaryEvidence({ kind: 'summary', incumbent: a, candidate: b }, { incumbent: files.incumbent.path, candidate: files.candidate.path }, statisticOf),
      dataFindings: [],
      descriptions: { incumbent: describeSummary(incumbent.source, incumbent.reader, a), candidate: describeSummary(candidate.source, candidate.reader, b) },
      design: 'unpaired',
    };
  }

  const quantileMetrics = new Set(
    Object.entries(policy.metrics).flatMap(([name, m]) => (m.statistic !== undefined && quantileOf(m.statistic) !== undefined ? [name] : [])),
  );
  const data = await loadPairedExamples(
    { source: incumbent.source, spec: { reader: incumbent.reader.name, options } },
    { source: candidate.source, spec: { reader: candidate.reader.name, options } },
    quantileMetrics,
    workers.loadExampleColumns,
  );
  const evidence = await attachQuantileBootstraps(collectPairedEvidence(data, statisticOf), policy, workers.runQuantileBootstraps ?? runQuantileBootstrapsHere);
  const example = (path: string, sha256: string, reader: EvalReader, examples: number): InputDescription => ({
    path,
    sha256,
    format: reader.name,
    examples,
    model: null,
    dataset: null,
  });
  return {
    evidence,
    dataFindings: pairedDataFindings(data, policy),
    descriptions: {
      incumbent: example(files.incumbent.path, data.sha256.incumbent, incumbent.reader, data.examples.incumbent),
      candidate: example(files.candidate.path, data.sha256.candidate, candidate.reader, data.examples.candidate),
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

async function recognize(source: TextSource, formatIn: string | undefined, options: ReaderOptions): Promise<Recognized> {
  // Binary formats are recognized by name: their bytes are not text to peek at.
  if (isBinaryFormat(source.path)) return { reader: chooseReader({ path: source.path, head: '' }, formatIn, options), source, pairedSummary: false };
  const peeked = await peekSource(source);
  if ((formatIn === undefined || formatIn === '' || formatIn === 'paired-summary') && peeked.probe.head.includes(PAIRED_SUMMARY_SCHEMA)) {
    return { reader: jsonlReader, source: peeked.source, pairedSummary: true };
  }
  return { reader: chooseReader(peeked.probe, formatIn, options), source: peeked.source, pairedSummary: false };
}

/**
 * A paired summary (counts computed in a warehouse) gives the same evidence the per-example path
 * would: the 2×2 tables and the moments of the differences. It is one file for both models, so the
 * candidate must be that same file.
 */
async function loadPairedSummaryInput(source: TextSource, candidatePath: string, policy: Policy): Promise<LoadedInputs> {
  if (candidatePath !== source.path) {
    throw new InputError(candidatePath, `the incumbent ${source.path} is a paired summary, which holds both models: give it as the candidate too (or use --paired)`);
  }
  const summary = await loadPairedSummary(source);
  const evidence = pairedSummaryEvidence(summary, (metric) => policyStatistic(policy, metric));
  const overall = summary.cohorts.get('overall');
  const dataFindings: Finding[] = [];
  if (overall !== undefined) {
    for (const [side, total] of [['incumbent', overall.nIncumbent], ['candidate', overall.nCandidate]] as const) {
      const finding = unmatchedFinding(side, total - overall.n, total, policy, ' (as the paired summary counts overall)');
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
  return { evidence, dataFindings, descriptions: { incumbent: describe(summary.models.incumbent), candidate: describe(summary.models.candidate) }, design: 'paired' };
}

async function readSummary(reader: EvalReader, source: TextSource, options: ReaderOptions): Promise<SummarySide> {
  const output = await reader.read(source, options);
  if (output.kind !== 'summary') throw new InputError(source.path, `the ${reader.name} reader gives per-example results, not a summary`);
  // The gate's own summary was validated with line numbers already; converted ones are validated here.
  return reader.name === 'summary' ? summarySide(output.summary) : summaryFromReader(source.path, output.summary);
}

/** The statistic the policy names for a metric; an inherited name such as `constructor` names nothing. */
function policyStatistic(policy: Policy, metric: string): Statistic {
  return Object.hasOwn(policy.metrics, metric) ? (policy.metrics[metric]?.statistic ?? 'mean') : 'mean';
}

function describe(reader: EvalReader): string {
  return producesSummary(reader) ? `a per-cohort summary (${reader.name})` : `per-example results (${reader.name})`;
}

function describeSummary(source: TextSource, reader: EvalReader, side: SummarySide): InputDescription {
  return { path: source.path, sha256: source.sha256(), format: reader.name, examples: null, model: side.model ?? null, dataset: side.dataset ?? null };
}
