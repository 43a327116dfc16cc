/**
 * Exact binomial tail probabilities by enumeration in BigInt rational arithmetic, for checking the
 * floating-point binomial and incomplete beta code against values with no approximation in them.
 */

function binomialCoefficients(n: number): bigint[] {
  const row: bigint[] = [1n];
  for (let k = 1; k <= n; k++) row.push(((row[k - 1] ?? 0n) * BigInt(n - k + 1)) / BigInt(k));
  return row;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p) with p = numerator/denominator, as the nearest double.
 * Σ_{j ≥ k} C(n, j)·numerator^j·(denominator − numerator)^(n − j) / denominator^n, summed exactly.
 */
export function exactBinomialUpperTail(k: number, n: number, numerator: number, denominator: number): number {
  const success = BigInt(numerator);
  const failure = BigInt(denominator - numerator);
  const coefficients = binomialCoefficients(n);
  let sum = 0n;
  for (let j = Math.max(0, k); j <= n; j++) {
    sum += (coefficients[j] ?? 0n) * success ** BigInt(j) * failure ** BigInt(n - j);
  }
  return ratioToNumber(sum, BigInt(denominator) ** BigInt(n));
}

/** P(X ≤ k), exactly as above. */
export function exactBinomialCdf(k: number, n: number, numerator: number, denominator: number): number {
  const success = BigInt(numerator);
  const failure = BigInt(denominator - numerator);
  const coefficients = binomialCoefficients(n);
  let sum = 0n;
  for (let j = 0; j <= Math.min(k, n); j++) {
    sum += (coefficients[j] ?? 0n) * success ** BigInt(j) * failure ** BigInt(n - j);
  }
  return ratioToNumber(sum, BigInt(denominator) ** BigInt(n));
}

/** numerator/denominator to within one unit in the last place of a double (positive ratios above 1e-300). */
function ratioToNumber(numerator: bigint, denominator: bigint): number {
  if (numerator === 0n) return 0;
  // Scale so that the integer quotient has about 80 significant bits, then undo the scaling.
  const shift = Math.max(0, denominator.toString(2).length - numerator.toString(2).length + 80);
  const quotient = (numerator << BigInt(shift)) / denominator;
  let value = Number(quotient);
  for (let remaining = shift; remaining > 0; remaining -= 500) value *= 2 ** -Math.min(500, remaining);
  return value;
}
