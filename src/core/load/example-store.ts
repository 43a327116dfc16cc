import { ExampleLayout } from './example-layout.js';
import { GrowableFloat64, GrowableUint32, GrowableUint8 } from './growable.js';
import { ParsedExample } from './example-record.js';

/**
 * One side's examples held in columns (the side the other is paired against), so a million
 * examples cost a few typed arrays and one id map instead of a million objects.
 */
export class ExampleStore {
  readonly indexById = new Map<string, number>();
  private readonly cohortStart = new GrowableUint32();
  private readonly cohortFlat = new GrowableUint32();
  private readonly binary = new GrowableUint8();
  private readonly continuous = new GrowableFloat64();
  private count = 0;

  constructor(readonly layout: ExampleLayout) {
    this.cohortStart.push(0);
  }

  get size(): number {
    return this.count;
  }

  /** Adds an example; returns false when its id is already present. */
  add(example: ParsedExample): boolean {
    if (this.indexById.has(example.id)) return false;
    this.indexById.set(example.id, this.count++);
    for (const cohort of example.cohorts) this.cohortFlat.push(cohort);
    this.cohortStart.push(this.cohortFlat.length);
    for (const value of example.binary) this.binary.push(value);
    for (const value of example.continuous) this.continuous.push(value);
    return true;
  }

  cohortsOf(index: number, out: number[]): number[] {
    out.length = 0;
    const end = this.cohortStart.at(index + 1);
    for (let i = this.cohortStart.at(index); i < end; i++) out.push(this.cohortFlat.at(i));
    return out;
  }

  binaryValue(index: number, metric: number): number {
    return this.binary.at(index * this.layout.binaryMetrics.length + metric);
  }

  continuousValue(index: number, metric: number): number {
    return this.continuous.at(index * this.layout.continuousMetrics.length + metric);
  }
}
