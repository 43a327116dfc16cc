import { z } from 'zod';

const UNITS: Record<string, number> = { '': 1, b: 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** The baseline artifact's size cap when the input is empty: far above any eval results file. */
const DEFAULT_BASELINE_MAX_BYTES = 1024 ** 3;

/** `baseline-max-bytes`: a byte count, plain (1073741824) or with a binary unit (512MiB, 2GiB). */
export const baselineMaxBytesInput = z
  .string()
  .trim()
  .pipe(
    z.string().regex(/^(\d+(\.\d+)?\s*(B|KiB|MiB|GiB)|\d+)?$/i, 'expected a size such as 1073741824, 512MiB or 2GiB'),
  )
  .transform((text) => {
    if (text === '') return DEFAULT_BASELINE_MAX_BYTES;
    const [, amount = '', unit = ''] = /^([\d.]+)\s*([a-z]*)$/i.exec(text) ?? [];
    return Math.floor(Number(amount) * (UNITS[unit.toLowerCase()] ?? Number.NaN));
  })
  .pipe(
    z
      .number()
      .int()
      .min(1024, 'expected at least 1KiB')
      .max(64 * 1024 ** 3, 'expected at most 64GiB'),
  );
