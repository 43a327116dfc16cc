/**
 * The standard normal distribution: Φ and Φ⁻¹ to nearly full double precision.
 *
 * The gate reads one-sided p-values far into the tail (after a Holm or Bonferroni correction over many
 * cohorts), so Φ must be accurate relative to its own size, not just to 1e-7 in absolute terms as the
 * usual textbook approximations are.
 */

/**
 * Φ(x) from W. J. Cody's rational Chebyshev approximations to erf and erfc ("Rational Chebyshev
 * approximations for the error function", Mathematics of Computation 23 (1969) 631–637; the
 * coefficients of his CALERF routine). Relative error about 1e-15 in both tails.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const absX = Math.abs(x);
  const u = absX * Math.SQRT1_2;
  if (u <= ERF_SERIES_LIMIT) {
    // Near the centre, Φ = ½ + ½·erf(x/√2) loses nothing: Φ is close to ½ there.
    const halfErf = 0.5 * erfNearZero(u);
    return x < 0 ? 0.5 - halfErf : 0.5 + halfErf;
  }
  const upperTail = 0.5 * erfcScaledTail(u) * gaussianDensityKernel(absX);
  return x < 0 ? upperTail : 1 - upperTail;
}

/**
 * Φ⁻¹(p) by M. J. Wichura's algorithm AS 241, PPND16 ("The percentage points of the normal
 * distribution", Applied Statistics 37 (1988) 477–484): about 1e-16 relative accuracy.
 * Returns −Infinity at 0, Infinity at 1 and NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;

  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_CENTRAL_NUMERATOR, r)) / polynomial(AS241_CENTRAL_DENOMINATOR, r);
  }
  // In the tails, work from the smaller of p and 1 − p (1 − p is exact for p ≥ ½), via
  // r = sqrt(−log(tail)), in which the quantile is smooth.
  const tail = q < 0 ? p : 1 - p;
  let r = Math.sqrt(-Math.log(tail));
  let magnitude: number;
  if (r <= 5) {
    r -= 1.6;
    magnitude = polynomial(AS241_TAIL_NUMERATOR, r) / polynomial(AS241_TAIL_DENOMINATOR, r);
  } else {
    r -= 5;
    magnitude = polynomial(AS241_FAR_TAIL_NUMERATOR, r) / polynomial(AS241_FAR_TAIL_DENOMINATOR, r);
  }
  return q < 0 ? -magnitude : magnitude;
}

/** Cody's first interval, |u| ≤ 0.46875, where erf is approximated directly. */
const ERF_SERIES_LIMIT = 0.46875;

/** Below this, exp(−x²/2) underflows even after the scaling, so Φ(−x) is 0 in double precision. */
const TAIL_UNDERFLOW_X = 38.5;

/** Evaluates a polynomial with coefficients in ascending powers, by Horner's rule. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + (coefficients[i] ?? 0);
  return sum;
}

/** erf(u) for 0 ≤ u ≤ 0.46875: u·P(u²)/Q(u²). */
function erfNearZero(u: number): number {
  const z = u * u;
  return (u * polynomial(ERF_NUMERATOR, z)) / polynomial(ERF_DENOMINATOR, z);
}

/**
 * exp(u²)·erfc(u) for u > 0.46875, the smooth factor of erfc once the Gaussian is divided out.
 * Cody's second interval (to u = 4) is a rational function of u, the third a rational function of
 * 1/u² around the asymptotic 1/(u·√π).
 */
function erfcScaledTail(u: number): number {
  if (u <= 4) return polynomial(ERFC_MID_NUMERATOR, u) / polynomial(ERFC_MID_DENOMINATOR, u);
  const z = 1 / (u * u);
  const correction = (z * polynomial(ERFC_FAR_NUMERATOR, z)) / polynomial(ERFC_FAR_DENOMINATOR, z);
  return (1 / Math.sqrt(Math.PI) - correction) / u;
}

/**
 * exp(−x²/2) without the rounding error of squaring x. Squaring a double makes a relative error
 * of ~1e-16 in x², which exp turns into an error of x²·1e-16 (1e-13 at x = 30). Splitting x into a
 * head with few bits (whose square is exact) and a small remainder keeps the error at ~1e-16.
 */
function gaussianDensityKernel(absX: number): number {
  if (absX > TAIL_UNDERFLOW_X) return 0;
  const head = Math.trunc(absX * 16) / 16;
  const remainderTerm = (absX - head) * (absX + head);
  return Math.exp(-0.5 * head * head) * Math.exp(-0.5 * remainderTerm);
}

// Cody's coefficients (CALERF), in ascending powers; each denominator's leading coefficient is 1.
const ERF_NUMERATOR = [
  3.20937758913846947e3, 3.77485237685302021e2, 1.13864154151050156e2, 3.16112374387056560e0,
  1.85777706184603153e-1,
];
const ERF_DENOMINATOR = [2.84423683343917062e3, 1.28261652607737228e3, 2.44024637934444173e2, 2.36012909523441209e1, 1];
const ERFC_MID_NUMERATOR = [
  1.23033935479799725e3, 2.05107837782607147e3, 1.71204761263407058e3, 8.81952221241769090e2,
  2.98635138197400131e2, 6.61191906371416295e1, 8.88314979438837594e0, 5.64188496988670089e-1,
  2.15311535474403846e-8,
];
const ERFC_MID_DENOMINATOR = [
  1.23033935480374942e3, 3.43936767414372164e3, 4.36261909014324716e3, 3.29079923573345963e3,
  1.62138957456669019e3, 5.37181101862009858e2, 1.17693950891312499e2, 1.57449261107098347e1, 1,
];
const ERFC_FAR_NUMERATOR = [
  6.58749161529837803e-4, 1.60837851487422766e-2, 1.25781726111229246e-1, 3.60344899949804439e-1,
  3.05326634961232344e-1, 1.63153871373020978e-2,
];
const ERFC_FAR_DENOMINATOR = [
  2.33520497626869185e-3, 6.05183413124413191e-2, 5.27905102951428412e-1, 1.87295284992346047e0,
  2.56852019228982242e0, 1,
];

// Wichura's AS 241 coefficients, in ascending powers.
const AS241_CENTRAL_NUMERATOR = [
  3.387132872796366608e0, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4,
  4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3,
];
const AS241_CENTRAL_DENOMINATOR = [
  1, 4.2313330701600911252e1, 6.871870074920579083e2, 5.3941960214247511077e3, 2.1213794301586595867e4,
  3.930789580009271061e4, 2.8729085735721942674e4, 5.226495278852854561e3,
];
const AS241_TAIL_NUMERATOR = [
  1.42343711074968357734e0, 4.6303378461565452959e0, 5.7694972214606914055e0, 3.64784832476320460504e0,
  1.27045825245236838258e0, 2.4178072517745061177e-1, 2.27238449892691845833e-2, 7.7454501427834140764e-4,
];
const AS241_TAIL_DENOMINATOR = [
  1, 2.05319162663775882187e0, 1.6763848301838038494e0, 6.8976733498510000455e-1, 1.4810397642748007459e-1,
  1.51986665636164571966e-2, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_FAR_TAIL_NUMERATOR = [
  6.6579046435011037772e0, 5.4637849111641143699e0, 1.7848265399172913358e0, 2.9656057182850489123e-1,
  2.6532189526576123093e-2, 1.2426609473880784386e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_FAR_TAIL_DENOMINATOR = [
  1, 5.9983220655588793769e-1, 1.369298809227358053e-1, 1.48753612908506148525e-2, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
