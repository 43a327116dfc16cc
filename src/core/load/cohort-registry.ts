import { LABEL_PREFIX, OVERALL } from '../cohorts.js';

/** Interns cohort names to small integers shared by both sides, so per-example storage stays compact. */
export class CohortRegistry {
  private readonly indexByName = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly indexByLabel = new Map<string, number>();
  /** `overall`'s index once known: every record is in it, and with many cohorts a map lookup is not free. */
  private overall = -1;

  overallIndex(): number {
    if (this.overall === -1) this.overall = this.indexOf(OVERALL);
    return this.overall;
  }

  indexOf(name: string): number {
    let index = this.indexByName.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.indexByName.set(name, index);
    }
    return index;
  }

  /** The index of `label:<label>`, cached by the bare label so the hot loop builds no strings. */
  labelIndexOf(label: string): number {
    let index = this.indexByLabel.get(label);
    if (index === undefined) {
      index = this.indexOf(LABEL_PREFIX + label);
      this.indexByLabel.set(label, index);
    }
    return index;
  }

  nameOf(index: number): string {
    const name = this.names[index];
    if (name === undefined) throw new RangeError(`no cohort ${index}`);
    return name;
  }

  get size(): number {
    return this.names.length;
  }
}
