import { GrowableFloat64 } from './growable.js';

/**
 * Everything the statistics need about one cohort of paired examples, accumulated in one pass:
 * the 2×2 table of each binary metric, running moments of each continuous metric's per-example
 * difference, and (only for metrics gated on a quantile) the raw values.
 */
export class PairedCohortAccumulator {
  nPaired = 0;
  /** Per binary metric m, counts at m*4 + incumbent*2 + candidate (0 wrong, 1 right). */
  readonly tables: Float64Array;
  /** Per continuous metric: Welford mean/M2 of (candidate − incumbent), and the mean of each side. */
  readonly diffMean: Float64Array;
  readonly diffM2: Float64Array;
  readonly incumbentMean: Float64Array;
  readonly candidateMean: Float64Array;
  /** Raw values per quantile-gated continuous metric index; undefined for the others. */
  readonly quantileValues: ({ incumbent: GrowableFloat64; candidate: GrowableFloat64 } | undefined)[];

  constructor(binaryCount: number, continuousCount: number, quantileMetricIndexes: ReadonlySet<number>) {
    this.tables = new Float64Array(binaryCount * 4);
    this.diffMean = new Float64Array(continuousCount);
    this.diffM2 = new Float64Array(continuousCount);
    this.incumbentMean = new Float64Array(continuousCount);
    this.candidateMean = new Float64Array(continuousCount);
    this.quantileValues = Array.from({ length: continuousCount }, (_, i) =>
      quantileMetricIndexes.has(i) ? { incumbent: new GrowableFloat64(), candidate: new GrowableFloat64() } : undefined,
    );
  }

  /**
   * Adds one pair. `binaryIncumbent`/`binaryCandidate` are 0/1 per binary metric; the continuous
   * arrays are finite values per continuous metric (already mapped to the common metric order).
   */
  add(
    binaryIncumbent: ArrayLike<number>,
    binaryCandidate: ArrayLike<number>,
    continuousIncumbent: ArrayLike<number>,
    continuousCandidate: ArrayLike<number>,
  ): void {
    const n = ++this.nPaired;
    for (let m = 0; m < binaryIncumbent.length; m++) {
      const cell = m * 4 + (binaryIncumbent[m] as number) * 2 + (binaryCandidate[m] as number);
      this.tables[cell] = (this.tables[cell] as number) + 1;
    }
    for (let m = 0; m < continuousIncumbent.length; m++) {
      const a = continuousIncumbent[m] as number;
      const b = continuousCandidate[m] as number;
      const d = b - a;
      const mean = this.diffMean[m] as number;
      const step = d - mean;
      const nextMean = mean + step / n;
      this.diffMean[m] = nextMean;
      this.diffM2[m] = (this.diffM2[m] as number) + step * (d - nextMean);
      this.incumbentMean[m] = (this.incumbentMean[m] as number) + (a - (this.incumbentMean[m] as number)) / n;
      this.candidateMean[m] = (this.candidateMean[m] as number) + (b - (this.candidateMean[m] as number)) / n;
      const raw = this.quantileValues[m];
      if (raw !== undefined) {
        raw.incumbent.push(a);
        raw.candidate.push(b);
      }
    }
  }

  /** Sample standard deviation of the per-example differences of continuous metric m. */
  diffSd(m: number): number {
    return this.nPaired > 1 ? Math.sqrt((this.diffM2[m] as number) / (this.nPaired - 1)) : Number.NaN;
  }
}
