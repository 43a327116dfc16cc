/** Interns cohort names to small integers shared by both sides, so per-example storage stays compact. */
export class CohortRegistry {
  private readonly indexByName = new Map<string, number>();
  private readonly names: string[] = [];

  indexOf(name: string): number {
    let index = this.indexByName.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.indexByName.set(name, index);
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

export const OVERALL = 'overall';
export const LABEL_PREFIX = 'label:';
