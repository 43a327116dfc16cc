/**
 * The common shape every statistical method returns, so the decision rule is written once.
 *
 * Δ is always oriented so that a positive value is better for the candidate.
 */
export interface DifferenceInference {
  /** Observed Δ (candidate − incumbent, oriented so that positive is better). */
  readonly estimate: number;
  /** One-sided (1 − alpha) lower confidence bound of Δ. */
  readonly lower: number;
  /** One-sided (1 − alpha) upper confidence bound of Δ. */
  readonly upper: number;
  /** One-sided p-value of H0: Δ ≥ −margin against H1: Δ < −margin (small means "regressed beyond the margin"). */
  readonly pValue: number;
  /** Standard error of Δ used for the minimum detectable effect; NaN when the method has none. */
  readonly standardError: number;
  /** Human-readable name of the method, shown in every report. */
  readonly method: string;
  /** Degrees of freedom of a t-based test (its MDE needs them); undefined for the other methods. */
  readonly df?: number;
  /**
   * The upper bound at another one-sided level, from the same test inverted: it is below −margin
   * exactly when pValue < level. A report prints it at the level its (corrected) decision used.
   */
  readonly upperBoundAt?: (level: number) => number;
  /** Why the method could not decide, or decided in an unusual way. */
  readonly note?: string;
}
