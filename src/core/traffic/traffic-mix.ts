import { compareCohortNames } from '../cohorts.js';
import { chiSquareGoodnessOfFit } from '../stats/chi-square-fit.js';
import { populationStabilityIndex } from '../stats/population-stability.js';
import { dimensionOf, type ProductionMix } from './production-mix.js';
import type { TrafficCohortRow, TrafficDimension } from './traffic-report.js';

export interface MixSettings {
  readonly min_share: number;
  readonly min_n: number;
  readonly psi_warn: number;
  readonly mix_alpha: number;
}

/**
 * One dimension's eval mix against production's. The mix is compared over the cohorts the traffic
 * file lists; an eval cohort it does not list has an unknown share and is shown apart. The chi-square
 * test takes production's shares as known (its counts are usually orders of magnitude larger than the
 * eval's) and the eval's counts as the sample, so a gap the eval's own size explains is not a shift.
 *
 * @param evalN examples per cohort in the eval (every cohort the eval has)
 * @param thin cohorts with a gated metric whose MDE exceeds its margin
 */
export function dimensionMix(
  mix: ProductionMix,
  evalN: ReadonlyMap<string, number>,
  thin: ReadonlySet<string>,
  settings: MixSettings,
): Omit<TrafficDimension, 'weighted'> {
  const listed = mix.cohorts;
  const evalTotal = listed.reduce((total, { cohort }) => total + (evalN.get(cohort) ?? 0), 0);
  const comparable = listed.length >= 2 && mix.total > 0 && evalTotal > 0;
  const productionShares = listed.map(({ count }) => (mix.total > 0 ? count / mix.total : 0));
  const evalCounts = listed.map(({ cohort }) => evalN.get(cohort) ?? 0);
  const psi = comparable
    ? populationStabilityIndex(
        evalCounts.map((n) => n / evalTotal),
        productionShares,
      )
    : undefined;
  const chi = comparable ? chiSquareGoodnessOfFit(evalCounts, productionShares) : undefined;

  const rows: TrafficCohortRow[] = listed.map(({ cohort, count }, i) => {
    const n = evalCounts[i] as number;
    const share = mix.total > 0 ? (productionShares[i] as number) : null;
    const matters = share !== null && share >= settings.min_share;
    const state = n < settings.min_n ? (matters ? 'absent' : 'minor') : matters && thin.has(cohort) ? 'thin' : 'ok';
    return {
      cohort,
      production_count: count,
      production_share: share,
      eval_n: n,
      eval_share: evalTotal > 0 ? n / evalTotal : null,
      psi_term: psi === undefined ? null : (psi.terms[i] as number),
      state,
    };
  });
  const listedNames = new Set(listed.map(({ cohort }) => cohort));
  for (const [cohort, n] of evalN) {
    if (dimensionOf(cohort) !== mix.dimension || listedNames.has(cohort)) continue;
    rows.push({
      cohort,
      production_count: null,
      production_share: null,
      eval_n: n,
      eval_share: null,
      psi_term: null,
      state: 'unknown-share',
    });
  }
  rows.sort((a, b) => compareCohortNames(a.cohort, b.cohort));
  return {
    dimension: mix.dimension,
    cohorts: rows,
    psi: psi === undefined ? null : psi.psi,
    chi_square: chi === undefined ? null : { statistic: chi.statistic, df: chi.df, p_value: chi.pValue },
    mix_shift: psi !== undefined && chi !== undefined && psi.psi > settings.psi_warn && chi.pValue < settings.mix_alpha,
  };
}
