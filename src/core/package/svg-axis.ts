/** What the report's SVG plots share: round axis ticks, their signed labels, and coordinates to 0.1 px. */

/** Round tick values (1, 2 or 5 × 10^k apart) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count: number): number[] {
  let lo = Number.isFinite(min) ? min : -1;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi - lo < 1e-12) {
    lo -= 1;
    hi += 1;
  }
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.floor(lo / step) * step; t < hi + step * 0.999; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** A tick's label: signed (+2, −1), so a difference axis reads as better or worse at a glance. */
export function signedTickLabel(t: number): string {
  const text = String(Number(t.toPrecision(6)));
  return t > 0 ? `+${text}` : t < 0 ? text.replace('-', '−') : '0';
}

/** A coordinate to one decimal: enough for the screen, and short, stable SVG text. */
export function roundPixel(v: number): number {
  return Math.round(v * 10) / 10;
}
