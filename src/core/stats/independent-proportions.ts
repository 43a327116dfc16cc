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
  requireSample(incumbent, 'incumbent');
  requireSample(candidate, 'candidate');
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`miettinenNurminenInterval: confidence must be in (0, 1), got ${confidence}`);
  }
  const critical = -normalQuantile((1 - confidence) / 2);
  const estimate = candidate.successes / candidate.n - incumbent.successes / incumbent.n;
  // z(Δ0) falls from +Infinity at −1 through 0 at d̂ to −Infinity at 1: each end is bracketed.
  const statistic = (delta: number): number => scoreStatistic(incumbent, candidate, delta);
  const lower = estimate <= -1 ? -1 : findBracketedRoot((delta) => statistic(delta) - critical, -1, estimate);
  const upper = estimate >= 1 ? 1 : findBracketedRoot((delta) => statistic(delta) + critical, estimate, 1);
  return { lower, upper };
}

/**
 * The restricted maximum-likelihood estimates of both proportions given p_candidate − p_incumbent = Δ0.
 *
 * The likelihood equation is a cubic in p̃c with three real roots, of which the one in the parameter
 * space is given in closed form by the trigonometric solution (Miettinen & Nurminen 1985, appendix;
 * in the form of Farrington & Manning, Statistics in Medicine 9 (1990) 1447–1454). With θ = n_i/n_c:
 *   a = 1 + θ,  b = −(1 + θ + p̂c + θ·p̂i + Δ0(θ + 2)),  c = Δ0² + Δ0(2p̂c + θ + 1) + p̂c + θ·p̂i,
 *   d = −p̂c·Δ0(1 + Δ0),
 *   v = b³/(3a)³ − bc/(6a²) + d/(2a),  u = sign(v)·√(b²/(3a)² − c/(3a)),  w = (π + arccos(v/u³))/3,
 *   p̃c = 2u·cos w − b/(3a),  p̃i = p̃c − Δ0.
 */
export function miettinenNurminenRestrictedEstimates(
  incumbent: BinomialSample,
  candidate: BinomialSample,
  delta0: number,
): RestrictedEstimates {
  const pCandidate = candidate.successes / candidate.n;
  const pIncumbent = incumbent.successes / incumbent.n;
  const theta = incumbent.n / candidate.n;

  const a = 1 + theta;
  const b = -(1 + theta + pCandidate + theta * pIncumbent + delta0 * (theta + 2));
  const c = delta0 * delta0 + delta0 * (2 * pCandidate + theta + 1) + pCandidate + theta * pIncumbent;
  const d = -pCandidate * delta0 * (1 + delta0);

  const shift = b / (3 * a);
  const v = shift * shift * shift - (b * c) / (6 * a * a) + d / (2 * a);
  const uSquared = Math.max(0, shift * shift - c / (3 * a));
  const u = (v < 0 ? -1 : 1) * Math.sqrt(uSquared);
  // u = 0 means a triple root at −b/(3a); otherwise rounding can push v/u³ a hair outside [−1, 1].
  const cosine = u === 0 ? 0 : Math.min(1, Math.max(-1, v / (u * u * u)));
  const w = (Math.PI + Math.acos(cosine)) / 3;
  const rawCandidate = u === 0 ? -shift : 2 * u * Math.cos(w) - shift;

  // Keep both estimates inside [0, 1] despite rounding: p̃c ∈ [max(0, Δ0), min(1, 1 + Δ0)].
  const restrictedCandidate = Math.min(Math.max(rawCandidate, Math.max(0, delta0)), Math.min(1, 1 + delta0));
  return { candidate: restrictedCandidate, incumbent: restrictedCandidate - delta0 };
}

function scoreStatistic(incumbent: BinomialSample, candidate: BinomialSample, delta: number): number {
  const observed = candidate.successes / candidate.n - incumbent.successes / incumbent.n;
  const excess = observed - delta;
  const restricted = miettinenNurminenRestrictedEstimates(incumbent, candidate, delta);
  const total = incumbent.n + candidate.n;
  const variance =
    ((restricted.candidate * (1 - restricted.candidate)) / candidate.n +
      (restricted.incumbent * (1 - restricted.incumbent)) / incumbent.n) *
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
