/**
 * The special functions behind the Student t and binomial distributions: log Γ and the regularized
 * incomplete beta function I_x(a, b).
 *
 * Both are written for relative accuracy in the tails, because the binomial and t tail probabilities
 * that feed the release decision are often tiny (1e-10 and below) and are later multiplied by a
 * multiplicity correction.
 */

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** From here up, the Stirling series below is accurate to double precision. */
const STIRLING_THRESHOLD = 10;

/**
 * Coefficients of the Lanczos approximation with g = 7 and 9 terms (the set published with
 * P. Godfrey's notes on the Lanczos approximation). On [½, 10) they give log Γ to about 2e-15
 * absolute.
 */
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * The remainder of Stirling's series, log Γ(x) − [(x − ½)·log x − x + ½·log 2π], for x ≥ 10:
 * Σ B₂ₖ / (2k(2k − 1)·x^(2k−1)). Eight terms leave an error below 1e-17 at x = 10.
 */
function stirlingRemainder(x: number): number {
  const inverse = 1 / x;
  return inverse * polynomialInInverseSquare(STIRLING_REMAINDER_COEFFICIENTS, inverse * inverse);
}

/** B₂ₖ / (2k(2k − 1)) for k = 1…8, the coefficients of Stirling's series. */
const STIRLING_REMAINDER_COEFFICIENTS = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
];

function polynomialInInverseSquare(coefficients: readonly number[], w: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * w + (coefficients[i] ?? 0);
  return sum;
}

/**
 * log |Γ(x)|. Stirling's series for x ≥ 10, the Lanczos approximation on [½, 10), and the reflection
 * formula Γ(x)·Γ(1 − x) = π / sin(πx) below ½. Infinity at the poles 0, −1, −2, …
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (x <= 0 && Number.isInteger(x)) return Number.POSITIVE_INFINITY;
  if (x < 0.5) {
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= STIRLING_THRESHOLD) {
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingRemainder(x);
  }
  const z = x - 1;
  let series = LANCZOS_COEFFICIENTS[0] ?? 1;
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) series += (LANCZOS_COEFFICIENTS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

/**
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0.
 *
 * When an argument is large, the three log Γ terms are large and nearly cancel (log Γ(1e5) ≈ 1e6 for a
 * result of about −30), which would cost ten digits. Stirling's series lets the large parts cancel
 * algebraically instead, leaving only terms of the size of the result.
 */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  const total = a + b;
  if (large < STIRLING_THRESHOLD) return logGamma(a) + logGamma(b) - logGamma(total);
  const remainders = stirlingRemainder(large) - stirlingRemainder(total);
  if (small < STIRLING_THRESHOLD) {
    // log Γ(large) − log Γ(total), expanded by Stirling, plus log Γ(small) computed directly.
    const logGammaRatio = -(large - 0.5) * Math.log1p(small / large) - small * Math.log(total) + small + remainders;
    return logGamma(small) + logGammaRatio;
  }
  return (
    HALF_LOG_TWO_PI +
    (small - 0.5) * Math.log(small / total) -
    0.5 * Math.log(total) -
    (large - 0.5) * Math.log1p(small / large) +
    stirlingRemainder(small) +
    remainders
  );
}

/**
 * I_x(a, b), the regularized incomplete beta function, for 0 ≤ x ≤ 1 and a, b > 0 (NaN otherwise).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  return incompleteBetaPair(x, 1 - x, a, b).lower;
}

/**
 * 1 − I_x(a, b) = I_{1−x}(b, a), computed directly rather than by subtraction, so it keeps its relative
 * accuracy when it is tiny. The binomial cdf is this quantity.
 */
export function regularizedIncompleteBetaComplement(x: number, a: number, b: number): number {
  return incompleteBetaPair(x, 1 - x, a, b).upper;
}

export interface IncompleteBetaPair {
  /** I_x(a, b). */
  readonly lower: number;
  /** 1 − I_x(a, b). */
  readonly upper: number;
}

/**
 * I_x(a, b) and its complement together, given both x and y = 1 − x. A caller that can form y more
 * precisely than by computing 1 − x passes it in (the Student t cdf does).
 *
 * The continued fraction of I_x(a, b) converges fast only for x < (a + 1)/(a + b + 2), roughly the
 * mean; above that point the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used. Either way the value
 * computed directly is the tail cut off by x away from the mean (I_x below the mean, 1 − I_x above
 * it), which is the one that can be tiny; the other is 1 minus it, which costs no relative accuracy.
 */
export function incompleteBetaPair(x: number, y: number, a: number, b: number): IncompleteBetaPair {
  if ([x, y, a, b].some(Number.isNaN) || a <= 0 || b <= 0 || x < 0 || x > 1) {
    return { lower: Number.NaN, upper: Number.NaN };
  }
  // y decides at the top end: a caller's y can be positive even where x has rounded to 1.
  if (x === 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  if (a === Number.POSITIVE_INFINITY || b === Number.POSITIVE_INFINITY) {
    return { lower: Number.NaN, upper: Number.NaN };
  }

  if (x < (a + 1) / (a + b + 2)) {
    const lower = (betaPrefactor(x, y, a, b) * betaContinuedFraction(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (betaPrefactor(y, x, b, a) * betaContinuedFraction(y, b, a)) / b;
  return { lower: 1 - upper, upper };
}

/**
 * x^a·y^b / B(a, b), with y = 1 − x.
 *
 * For large a and b the naive exp(a·log x + b·log y − log B(a, b)) subtracts numbers of size a + b
 * to get a result of size 1, losing (a + b)·1e-16 in the exponent. Writing log B with Stirling's
 * formula and cancelling the large terms analytically leaves
 *   a·log1p(e/a) + b·log1p(−e/b) + ½·log(ab / (2π(a + b))) − [R(a) + R(b) − R(a + b)],
 * with e = x·b − y·a (zero at x = a/(a + b)) and R the Stirling remainder; nothing large cancels.
 */
function betaPrefactor(x: number, y: number, a: number, b: number): number {
  // Take the log of whichever of x and y is smaller (it carries full relative precision) and reach
  // the other through log1p, so that a y = 1 − x rounded near 1 does not cost b·1e-16 in the exponent.
  const logX = x <= y ? Math.log(x) : Math.log1p(-y);
  const logY = x <= y ? Math.log1p(-x) : Math.log(y);
  if (a >= STIRLING_THRESHOLD && b >= STIRLING_THRESHOLD) {
    const total = a + b;
    const e = x * b - y * a;
    const exponent =
      scaledLogRatio(a, e, logX, total) +
      scaledLogRatio(b, -e, logY, total) +
      0.5 * Math.log((a / total) * b) -
      HALF_LOG_TWO_PI -
      (stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(total));
    return Math.exp(exponent);
  }
  return Math.exp(a * logX + b * logY - logBeta(a, b));
}

/**
 * a·log(x·(a + b)/a), where x·(a + b)/a = 1 + e/a. Near the mode (|e| small against a) log1p(e/a) keeps
 * full precision, and its rounding cancels against the matching b-term; far from it, e/a approaches −1
 * and 1 + e/a would lose digits, so the logarithm is split instead.
 */
function scaledLogRatio(a: number, e: number, logX: number, total: number): number {
  const ratio = e / a;
  if (Math.abs(ratio) < 0.5) return a * Math.log1p(ratio);
  return a * (logX + Math.log(total / a));
}

/** Smallest magnitude allowed for a Lentz denominator, to step over an exact zero. */
const LENTZ_TINY = 1e-300;
const CONTINUED_FRACTION_EPSILON = 1e-16;
/**
 * Near the mean the fraction needs O(√max(a, b)) terms, so this cap is only reached there for a or b
 * beyond about 1e9.
 */
const CONTINUED_FRACTION_MAX_TERMS = 100_000;

/**
 * The continued fraction 1 / (1 + d₁/(1 + d₂/(1 + …))) of I_x(a, b) · a / (x^a·y^b / B(a, b))
 * (Abramowitz & Stegun 26.5.8), with
 *   d₂ₘ₊₁ = −(a + m)(a + b + m)·x / ((a + 2m)(a + 2m + 1)),  d₂ₘ = m(b − m)·x / ((a + 2m − 1)(a + 2m)),
 * evaluated front to back by the modified Lentz method, which needs no fixed number of terms.
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  // f = b₀ + a₁/(b₁ + a₂/(b₂ + …)) with b₀ = 0, every bⱼ = 1, a₁ = 1 and aⱼ₊₁ = dⱼ.
  let value = LENTZ_TINY;
  let c = value;
  let d = 0;
  for (let j = 1; j <= CONTINUED_FRACTION_MAX_TERMS; j++) {
    const numerator = j === 1 ? 1 : betaFractionTerm(j - 1, x, a, b);
    d = 1 + numerator * d;
    if (Math.abs(d) < LENTZ_TINY) d = LENTZ_TINY;
    c = 1 + numerator / c;
    if (Math.abs(c) < LENTZ_TINY) c = LENTZ_TINY;
    d = 1 / d;
    const delta = c * d;
    value *= delta;
    if (Math.abs(delta - 1) < CONTINUED_FRACTION_EPSILON) break;
  }
  return value;
}

/** dᵢ of the incomplete beta continued fraction (see betaContinuedFraction). */
function betaFractionTerm(i: number, x: number, a: number, b: number): number {
  if (i % 2 === 0) {
    const m = i / 2;
    return (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
  }
  const m = (i - 1) / 2;
  return (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
}
