/**
 * The Miettinen–Nurminen score test and interval for the difference of two independent binomial
 * proportions (O. Miettinen & M. Nurminen, "Comparative analysis of two rates", Statistics in
 * Medicine 4 (1985) 213–226).
 *
 * Used when the incumbent and candidate were evaluated on different examples. Like Tango's paired
 * statistic, it standardizes by the variance at the null difference Δ0 (the restricted maximum-
 * likelihood estimate) rather than at the observed one, which keeps its coverage close to nominal for
 * small samples and for proportions near 0 or 1. The variance includes Miettinen and Nurminen's
 * N/(N − 1) factor; without it the statistic is Farrington–Manning's.
 */

import { normalQuantile } from './normal.js';
import type { DifferenceInterval } from './paired-proportions.js';
import { findBracketedRoot } from './root.js';

export interface BinomialSample {
  readonly successes: number;
  readonly n: number;
}

/** Maximum-likelihood success probabilities of both arms under the constraint p_c − p_i = Δ0. */
export interface RestrictedEstimates {
  readonly incumbent: number;
  readonly candidate: number;
}

/**
 * z = (d̂ − Δ0)/σ̃(Δ0) for H0: p_candidate − p_incumbent = Δ0, Δ0 ∈ [−1, 1], with
 * σ̃² = [p̃c(1 − p̃c)/n_c + p̃i(1 − p̃i)/n_i] · N/(N − 1), N = n_c + n_i. Large positive z is evidence that
 * the true difference exceeds Δ0. Where σ̃ is zero the data either agree exactly with Δ0 (z = 0) or
 * are impossible under it (z = ±Infinity).
 */
export function miettinenNurminenZ(incumbent: BinomialSample, candidate: BinomialSample, delta0: number): number {
  requireSample(incumbent, 'incumbent');
  requireSample(candidate, 'candidate');
  if (!(delta0 >= -1 && delta0 <= 1)) {
    throw new RangeError(`miettinenNurminenZ: delta0 must be in [−1, 1], got ${delta0}`);
  }
  return scoreStatistic(incumbent, candidate, delta0);
}

/**
 * The two-sided Miettinen–Nurminen interval at the given confidence: all Δ0 with |z(Δ0)| ≤ z_{1−α/2}.
 * A one-sided (1 − α) bound is an end of the interval at confidence 1 − 2α.
 */
export function miettinenNurminenInterval(
  incumbent: BinomialSample,
  candidate: BinomialSample,
  confidence: number,
): DifferenceInterval {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`miettinenNurminenInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  const tail = (1 - confidence) / 2;
  return miettinenNurminenBounds(incumbent, candidate, tail, tail);
}

/**
 * One-sided bounds: the lower bound holds with confidence 1 − lowerLevel, the upper with
 * 1 − upperLevel (tail areas, so a level of 1e-12 is not rounded away as 1 − 2e-12 would be). The
 * upper bound is below Δ0 exactly when the one-sided score test of H0: Δ ≥ Δ0 has p < upperLevel.
 */
export function miettinenNurminenBounds(
  incumbent: BinomialSample,
  candidate: BinomialSample,
  lowerLevel: number,
  upperLevel: number,
): DifferenceInterval {
  requireSample(incumbent, 'incumbent');
  requireSample(candidate, 'candidate');
  for (const level of [lowerLevel, upperLevel]) {
    if (!(level > 0 && level < 0.5))
      throw new RangeError(`miettinenNurminenBounds: levels must be in (0, ½), got ${level}`);
  }
  const estimate = candidate.successes / candidate.n - incumbent.successes / incumbent.n;
  const lowerCritical = -normalQuantile(lowerLevel);
  const upperCritical = -normalQuantile(upperLevel);
  // z(Δ0) falls from +Infinity at −1 through 0 at d̂ to −Infinity at 1: each end is bracketed. The
  // tolerance is Brent's relative 2ε·|root| alone, so a bound of 1e-7 keeps all its digits.
  const statistic = (delta: number): number => scoreStatistic(incumbent, candidate, delta);
  const options = { absoluteTolerance: 1e-300 };
  const lower =
    estimate <= -1 ? -1 : findBracketedRoot((delta) => statistic(delta) - lowerCritical, -1, estimate, options);
  const upper =
    estimate >= 1 ? 1 : findBracketedRoot((delta) => statistic(delta) + upperCritical, estimate, 1, options);
  return { lower, upper };
}

/**
 * The restricted maximum-likelihood estimates of both proportions given p_candidate − p_incumbent = Δ0
 * (Miettinen & Nurminen 1985).
 */
export function miettinenNurminenRestrictedEstimates(
  incumbent: BinomialSample,
  candidate: BinomialSample,
  delta0: number,
): RestrictedEstimates {
  const solution = restrictedSolution(incumbent, candidate, delta0);
  return { candidate: solution.candidate, incumbent: solution.incumbent };
}

interface RestrictedSolution extends RestrictedEstimates {
  /** 1 − candidate and 1 − incumbent, each accurate in its own right (they enter the variance). */
  readonly candidateComplement: number;
  readonly incumbentComplement: number;
}

/**
 * The restricted MLE as the root of the likelihood's derivative along the constraint line, found by a
 * bracketing root finder rather than by the closed-form trigonometric solution of the cubic
 * (Farrington & Manning, Statistics in Medicine 9 (1990) 1447–1454). That closed form subtracts
 * nearly equal numbers when the arms differ greatly in size: for 0/50 against 0/1e7 its one-sided 95%
 * upper bound came out as 1.07e-6 instead of 2.7e-7.
 *
 * Along p_c − p_i = Δ0 the log-likelihood
 *   x_c·log p_c + (n_c − x_c)·log(1 − p_c) + x_i·log p_i + (n_i − x_i)·log(1 − p_i)
 * is strictly concave, so its derivative falls monotonically and has at most one root; where it has
 * none the maximum sits at an end of the feasible range (for instance p̃_i = 0 when neither arm has a
 * success and Δ0 > 0). To keep relative precision, the smaller of the two proportions is the unknown
 * (the other is it plus |Δ0|), and when successes are the majority, failures are modelled instead
 * (successes ↔ failures, Δ0 → −Δ0), so that a proportion near 1 is handled as a small complement.
 */
function restrictedSolution(incumbent: BinomialSample, candidate: BinomialSample, delta0: number): RestrictedSolution {
  if (candidate.successes / candidate.n + incumbent.successes / incumbent.n > 1) {
    const flipped = restrictedSolution(
      { successes: incumbent.n - incumbent.successes, n: incumbent.n },
      { successes: candidate.n - candidate.successes, n: candidate.n },
      -delta0,
    );
    return {
      candidate: flipped.candidateComplement,
      incumbent: flipped.incumbentComplement,
      candidateComplement: flipped.candidate,
      incumbentComplement: flipped.incumbent,
    };
  }
  const gap = Math.abs(delta0);
  const smallerIsIncumbent = delta0 >= 0;
  const at = (s: number): { pc: number; pi: number } =>
    smallerIsIncumbent ? { pc: Math.min(1, s + gap), pi: s } : { pc: s, pi: Math.min(1, s + gap) };
  const slope = (s: number): number => {
    const { pc, pi } = at(s);
    return (
      ratio(candidate.successes, pc) -
      ratio(candidate.n - candidate.successes, 1 - pc) +
      ratio(incumbent.successes, pi) -
      ratio(incumbent.n - incumbent.successes, 1 - pi)
    );
  };
  const top = Math.max(0, 1 - gap);
  let s: number;
  if (top === 0 || slope(0) <= 0) s = 0;
  else if (slope(top) >= 0) s = top;
  else s = findBracketedRoot(slope, 0, top, { absoluteTolerance: 1e-300 });
  const { pc, pi } = at(s);
  return { candidate: pc, incumbent: pi, candidateComplement: 1 - pc, incumbentComplement: 1 - pi };
}

/** count/p with 0/0 taken as 0 (a term with no observations contributes nothing). */
function ratio(count: number, p: number): number {
  return count === 0 ? 0 : count / p;
}

function scoreStatistic(incumbent: BinomialSample, candidate: BinomialSample, delta: number): number {
  const observed = candidate.successes / candidate.n - incumbent.successes / incumbent.n;
  const excess = observed - delta;
  const restricted = restrictedSolution(incumbent, candidate, delta);
  const total = incumbent.n + candidate.n;
  const variance =
    ((restricted.candidate * restricted.candidateComplement) / candidate.n +
      (restricted.incumbent * restricted.incumbentComplement) / incumbent.n) *
    (total / (total - 1));
  if (!(variance > 0)) return excess === 0 ? 0 : excess > 0 ? Infinity : -Infinity;
  return excess / Math.sqrt(variance);
}

function requireSample(sample: BinomialSample, arm: string): void {
  const { successes, n } = sample;
  if (!(Number.isFinite(n) && n > 0 && successes >= 0 && successes <= n)) {
    throw new RangeError(`${arm}: need 0 ≤ successes ≤ n and n > 0, got ${successes} of ${n}`);
  }
}
