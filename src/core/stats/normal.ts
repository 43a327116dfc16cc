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

// The published coefficients, rounded to the nearest double and listed in ascending powers.

// Cody's CALERF coefficients; each denominator's leading coefficient is 1.
const ERF_NUMERATOR = [
  3.2093775891384694e3, 3.77485237685302e2, 1.1386415415105016e2, 3.1611237438705655, 1.8577770618460315e-1,
];
const ERF_DENOMINATOR = [2.844236833439171e3, 1.2826165260773723e3, 2.4402463793444417e2, 2.3601290952344122e1, 1];
const ERFC_MID_NUMERATOR = [
  1.2303393547979972e3, 2.0510783778260716e3, 1.7120476126340707e3, 8.81952221241769e2, 2.986351381974001e2,
  6.611919063714163e1, 8.883149794388377, 5.641884969886701e-1, 2.1531153547440383e-8,
];
const ERFC_MID_DENOMINATOR = [
  1.2303393548037495e3, 3.4393676741437216e3, 4.362619090143247e3, 3.2907992357334597e3, 1.6213895745666903e3,
  5.371811018620099e2, 1.176939508913125e2, 1.5744926110709835e1, 1,
];
const ERFC_FAR_NUMERATOR = [
  6.587491615298378e-4, 1.6083785148742275e-2, 1.2578172611122926e-1, 3.6034489994980445e-1, 3.0532663496123236e-1,
  1.6315387137302097e-2,
];
const ERFC_FAR_DENOMINATOR = [
  2.3352049762686918e-3, 6.051834131244132e-2, 5.279051029514285e-1, 1.8729528499234604, 2.568520192289822, 1,
];

// Wichura's AS 241 coefficients, in ascending powers.
const AS241_CENTRAL_NUMERATOR = [
  3.3871328727963665, 1.3314166789178438e2, 1.9715909503065513e3, 1.373169376550946e4, 4.592195393154987e4,
  6.72657709270087e4, 3.343057558358813e4, 2.5090809287301227e3,
];
const AS241_CENTRAL_DENOMINATOR = [
  1, 4.231333070160091e1, 6.871870074920579e2, 5.394196021424751e3, 2.1213794301586597e4, 3.930789580009271e4,
  2.8729085735721943e4, 5.226495278852854e3,
];
const AS241_TAIL_NUMERATOR = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  2.417807251774506e-1, 2.2723844989269184e-2, 7.745450142783414e-4,
];
const AS241_TAIL_DENOMINATOR = [
  1, 2.053191626637759, 1.6763848301838038, 6.897673349851e-1, 1.4810397642748008e-1, 1.5198666563616457e-2,
  5.475938084995345e-4, 1.0507500716444169e-9,
];
const AS241_FAR_TAIL_NUMERATOR = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 2.9656057182850487e-1, 2.6532189526576124e-2,
  1.2426609473880784e-3, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const AS241_FAR_TAIL_DENOMINATOR = [
  1, 5.99832206555888e-1, 1.369298809227358e-1, 1.4875361290850615e-2, 7.868691311456133e-4, 1.8463183175100548e-5,
  1.421511758316446e-7, 2.0442631033899397e-15,
];
