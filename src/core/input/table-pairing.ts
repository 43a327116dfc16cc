import { InputError } from '../errors.js';

/**
 * A table pairs by id, or by row order when the policy says `inputs.pair_by: row` and the table has
 * no id. Both at once would ignore one of them, so that is refused too.
 */
export function checkRowPairing(
  hasId: boolean,
  pairBy: 'id' | 'row' | undefined,
  file: string,
  idSource: string,
  line?: number,
): void {
  const where = { field: 'id', ...(line === undefined ? {} : { line }) };
  if (!hasId && pairBy !== 'row') {
    throw new InputError(
      file,
      "the table has no id column, so its rows cannot be paired with the other model's by id: name the id column with --columns id=<column>, or, if both files list the same examples in the same order, set inputs.pair_by: row in the policy to pair them by row number",
      where,
    );
  }
  if (hasId && pairBy === 'row') {
    throw new InputError(
      file,
      `the policy pairs by row order (inputs.pair_by: row), but the table has an id (${idSource}): pair by id (remove inputs.pair_by: row) or drop the id column`,
      where,
    );
  }
}
