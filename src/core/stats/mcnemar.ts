/**
 * McNemar's exact conditional test on the discordant pairs of a paired comparison.
 *
 * Given the b + c pairs on which the two models disagree, under H0 (equal accuracy) each disagreement
 * goes either way with probability ½, so b ~ Binomial(b + c, ½) conditionally on b + c.
 */

import { binomialCdf, binomialUpperTail } from './binomial.js';

export interface McNemarResult {
  /** P(X ≥ b) for X ~ Binomial(b + c, ½): small when b is implausibly large against c. */
  readonly oneSided: number;
  /** min(1, 2·min(P(X ≥ b), P(X ≤ b))), the usual doubled smaller tail. */
  readonly twoSided: number;
}

/**
 * The exact McNemar test for b pairs discordant one way and c the other. Name b the count whose
 * excess is the alternative of interest (for a regression check: incumbent right, candidate wrong).
 * With no discordant pairs there is no evidence either way and both p-values are 1.
 */
export function mcnemarExact(b: number, c: number): McNemarResult {
  if (!isCount(b) || !isCount(c)) {
    throw new RangeError(`mcnemarExact: counts must be non-negative integers, got b = ${b}, c = ${c}`);
  }
  const discordant = b + c;
  if (discordant === 0) return { oneSided: 1, twoSided: 1 };
  const upper = binomialUpperTail(b, discordant, 0.5);
  const lower = binomialCdf(b, discordant, 0.5);
  return { oneSided: upper, twoSided: Math.min(1, 2 * Math.min(upper, lower)) };
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}
