import { expect } from 'vitest';
import { InputError } from '../../src/core/errors.js';

/** Runs `run`, expects it to reject with an InputError, and returns that error for further checks. */
export async function expectInputError(run: () => Promise<unknown>): Promise<InputError> {
  const error: unknown = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}
