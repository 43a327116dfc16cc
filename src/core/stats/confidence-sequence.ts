/**
 * Anytime-valid inference for a difference Δ watched at every look of a canary: a confidence sequence
 * (bounds that hold at all looks at once) and the always-valid p-value that matches it.
 *
 * Everything is in information time. An estimator Δ̂ with variance s² carries information I = 1/s², and
 * S = (Δ̂ − θ)·I is approximately a Gaussian process in I with independent increments (a Brownian motion
 * when the looks add independent events). Against H0: Δ = θ, the Gaussian likelihood ratio for a shift λ
 * is exp(λS − λ²I/2). Mixing it over λ ~ N(0, 1/ρ) gives Robbins' normal mixture
 *   Λ = √(ρ/(I + ρ)) · exp(S² / (2(I + ρ))),
 * a nonnegative martingale under H0, so Ville's inequality gives P(∃ look: Λ ≥ 1/α) ≤ α. Solving
 * Λ ≥ 1/α for Δ̂ − θ gives the half-width below. With a known variance this is the normal-mixture
 * boundary of Howard, Ramdas, McAuliffe & Sekhon, "Time-uniform, nonparametric, nonasymptotic confidence
 * sequences", Annals of Statistics 49 (2021), §3; with the variance estimated from the data it is an
 * asymptotic confidence sequence in the sense of Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas,
 * "Time-uniform central limit theory and asymptotic confidence sequences", Annals of Statistics 52 (2024).
 * The p-value 1/Λ is the mixture sequential probability ratio test (mSPRT) of Johari, Koomen, Pekelis &
 * Walsh, "Always valid inference: continuous monitoring of A/B tests", Operations Research 70 (2022)
 * (arXiv:1512.04922, 2015).
 *
 * The boundary is two-sided at level α; using one side of it alone is valid at α too (conservative).
 */

/** Bad arguments are a programming error, not bad input: the gate has validated the data before. */
function requirePositiveFinite(name: string, value: number, caller: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${caller}: ${name} must be a finite number above 0, got ${String(value)}`);
  }
}

function requireLevel(alpha: number, caller: string): void {
  if (!(alpha > 0 && alpha < 1)) throw new Error(`${caller}: alpha must be in (0, 1), got ${String(alpha)}`);
}

/**
 * Half-width w of the level-α confidence sequence at information I: |Δ̂ − Δ| ≤ w holds at every look
 * simultaneously with probability ≥ 1 − α,
 *   w = √((I + ρ) · log((I + ρ) / (ρ α²))) / I
 * (the set where the normal-mixture ratio stays below 1/α; Howard et al. 2021, §3).
 */
export function mixtureHalfWidth(information: number, rho: number, alpha: number): number {
  requirePositiveFinite('information', information, 'mixtureHalfWidth');
  requirePositiveFinite('rho', rho, 'mixtureHalfWidth');
  requireLevel(alpha, 'mixtureHalfWidth');
  // log((I + ρ)/(ρα²)) = log(1 + I/ρ) − 2 log α, which keeps its precision when I is small next to ρ.
  const logTerm = Math.log1p(information / rho) - 2 * Math.log(alpha);
  return Math.sqrt((information + rho) * logTerm) / information;
}

/**
 * Always-valid p-value of H0: Δ = θ0 at one look, 1/Λ capped at 1 (Johari et al.'s mSPRT with the
 * normal mixture above). `less` tests against H1: Δ < θ0 and is 1 when Δ̂ ≥ θ0. p ≤ α exactly when θ0
 * lies outside the level-α confidence sequence (on the tested side). It is valid at every look; over
 * several looks the always-valid p-value is the smallest so far, which the caller keeps.
 */
export function alwaysValidPValue(
  estimate: number,
  null_: number,
  information: number,
  rho: number,
  side: 'less' | 'two-sided',
): number {
  if (!Number.isFinite(estimate) || !Number.isFinite(null_)) {
    throw new Error(
      `alwaysValidPValue: estimate and null must be finite, got ${String(estimate)} and ${String(null_)}`,
    );
  }
  requirePositiveFinite('information', information, 'alwaysValidPValue');
  requirePositiveFinite('rho', rho, 'alwaysValidPValue');
  if (side === 'less' && estimate >= null_) return 1;
  const score = (estimate - null_) * information;
  // log Λ = ½ log(ρ/(I + ρ)) + S²/(2(I + ρ)), in logs so that a large S gives p = 0, not ∞ · 0.
  const logRatio = -0.5 * Math.log1p(information / rho) + (score * score) / (2 * (information + rho));
  return logRatio <= 0 ? 1 : Math.exp(-logRatio);
}

/**
 * The mixing parameter ρ that makes the level-α half-width smallest at a planned information I*.
 *
 * Derivation (ours): with x = I/ρ, minimising (I + ρ)·log((I + ρ)/(ρα²)) over ρ sets its derivative
 * log((1 + x)/α²) − x to zero, so x solves x = L + log(1 + x) with L = 2 log(1/α); the derivative
 * increases with ρ, so this is the only minimum. In closed form x = −W₋₁(−α²/e) − 1 (Lambert W, lower
 * branch). The often-quoted ρ = I* ÷ (L + log(1 + L)) keeps the first two terms of W₋₁'s asymptotic
 * expansion (one fixed-point step from x = L); it is within a few percent of the minimiser and the width
 * is flat there, but Newton's method gives the exact value in a handful of steps, so that is what we use.
 */
export function mixingParameter(plannedInformation: number, alpha: number): number {
  requirePositiveFinite('planned information', plannedInformation, 'mixingParameter');
  requireLevel(alpha, 'mixingParameter');
  const twiceLogInverse = -2 * Math.log(alpha);
  // g(x) = x − L − log(1 + x) is convex and increasing for x > 0. The start is below the root, Newton's
  // first step overshoots it, and from there the iterates fall monotonically onto it.
  let x = twiceLogInverse + Math.log1p(twiceLogInverse);
  for (let i = 0; i < 100; i++) {
    const step = ((x - twiceLogInverse - Math.log1p(x)) * (1 + x)) / x;
    x -= step;
    if (Math.abs(step) <= 1e-15 * x) break;
  }
  return plannedInformation / x;
}
