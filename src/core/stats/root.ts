/**
 * A bracketing root finder: Brent's method (R. P. Brent, "Algorithms for Minimization without
 * Derivatives", 1973, chapter 4).
 *
 * The score intervals are the set of Δ whose score statistic stays within ±z, so their ends are roots
 * of a monotone function of one variable on a known bracket. Brent's method keeps the root bracketed
 * (so it cannot diverge like Newton) yet converges superlinearly on these smooth functions, and it
 * falls back to bisection whenever interpolation would be unsafe. The score statistics are ±Infinity
 * at the ends of [−1, 1]; only the sign of such a value is used, never the value itself.
 */

export interface RootOptions {
  /** Absolute tolerance on the root's position. Defaults to 1e-13. */
  readonly absoluteTolerance?: number;
  /** Safety cap on iterations. Brent needs far fewer; bisection alone would need about 60 on [−1, 1]. */
  readonly maxIterations?: number;
}

const DEFAULT_ABSOLUTE_TOLERANCE = 1e-13;
const DEFAULT_MAX_ITERATIONS = 200;

/**
 * A root of f in [lower, upper]. f(lower) and f(upper) must differ in sign (either may be zero or
 * infinite); otherwise the root is not bracketed and a RangeError is thrown.
 */
export function findBracketedRoot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: RootOptions = {},
): number {
  const absoluteTolerance = options.absoluteTolerance ?? DEFAULT_ABSOLUTE_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;

  // Naming follows Brent: b is the best estimate so far, c the opposite end of the bracket, a the
  // previous b (used for interpolation).
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Number.isNaN(fa) || Number.isNaN(fb) || Math.sign(fa) === Math.sign(fb)) {
    throw new RangeError(`findBracketedRoot: f(${lower}) = ${fa} and f(${upper}) = ${fb} do not bracket a root`);
  }

  let c = b;
  let fc = fb;
  let step = b - a;
  let previousStep = step;

  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      // The root now lies between a and b: make a the far end of the bracket.
      c = a;
      fc = fa;
      step = b - a;
      previousStep = step;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      // Keep b as the end with the smaller residual: it is the better estimate.
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }

    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 0.5 * absoluteTolerance;
    const halfBracket = 0.5 * (c - b);
    if (Math.abs(halfBracket) <= tolerance || fb === 0) return b;

    const canInterpolate =
      Math.abs(previousStep) >= tolerance &&
      Math.abs(fa) > Math.abs(fb) &&
      Number.isFinite(fa) &&
      Number.isFinite(fb) &&
      Number.isFinite(fc);

    if (canInterpolate) {
      // Secant when only two distinct points are known, inverse quadratic interpolation otherwise;
      // the step is p / q, kept as a fraction to avoid a division that might overflow.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * halfBracket * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const rb = fb / fc;
        p = s * (2 * halfBracket * qa * (qa - rb) - (b - a) * (rb - 1));
        q = (qa - 1) * (rb - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Accept the interpolation only if it lands well inside the bracket and shrinks faster than
      // bisection would over two steps; otherwise bisect.
      if (2 * p < Math.min(3 * halfBracket * q - Math.abs(tolerance * q), Math.abs(previousStep * q))) {
        previousStep = step;
        step = p / q;
      } else {
        step = halfBracket;
        previousStep = step;
      }
    } else {
      step = halfBracket;
      previousStep = step;
    }

    a = b;
    fa = fb;
    b += Math.abs(step) > tolerance ? step : halfBracket > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  return b;
}
