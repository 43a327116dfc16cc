import { CohortRegistry } from '../../src/core/load/cohort-registry.js';
import { layoutFromFirstRecord } from '../../src/core/input/example-layout.js';
import { createParsedExample, parseExampleRecord } from '../../src/core/load/example-record.js';
import type { ReaderOutput } from '../../src/core/readers/reader-types.js';

/**
 * Collects a per-example reader's records and runs every one through the gate's own validation,
 * with the first record's layout, so a reader test fails if it emits anything the gate would reject.
 */
export async function collectValidatedRecords(output: ReaderOutput, path: string) {
  if (output.kind !== 'examples') throw new Error('expected examples');
  const records: Record<string, unknown>[] = [];
  const lines: number[] = [];
  for await (const batch of output.records) {
    records.push(...(batch.records as Record<string, unknown>[]));
    lines.push(...batch.lines);
  }
  const layout = layoutFromFirstRecord(records[0] as Record<string, unknown>, path, lines[0] as number);
  const out = createParsedExample(layout);
  const cohorts = new CohortRegistry();
  records.forEach((record, i) => parseExampleRecord(record, layout, cohorts, out, path, lines[i] as number));
  return { records, lines, layout };
}
