/**
 * An id → example index lookup for a million ids, built from precomputed 32-bit hashes. The hashes
 * are computed while each file is parsed (possibly in a worker), so pairing does integer probes and
 * one string comparison per id instead of building a million-entry Map of strings.
 */

/** FNV-1a over UTF-16 code units: fast, and well spread for the short ids eval files use. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class IdIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /**
   * @param onDuplicate called with the index of an id seen before (the caller turns it into an error)
   */
  constructor(
    private readonly ids: readonly string[],
    private readonly hashes: Uint32Array,
    onDuplicate: (index: number) => void,
  ) {
    let capacity = 16;
    while (capacity < ids.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < ids.length; i++) {
      if (this.find(ids[i] as string, hashes[i] as number, true, i) !== -1) onDuplicate(i);
    }
  }

  /** The index of `id` (whose hash is `hash`), or −1. */
  get(id: string, hash: number): number {
    return this.find(id, hash, false, -1);
  }

  /** Linear probing; with `insert`, an absent id is placed in the first free slot. */
  private find(id: string, hash: number, insert: boolean, index: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const candidate = this.slots[slot] as number;
      if (candidate === -1) {
        if (insert) this.slots[slot] = index;
        return -1;
      }
      if (this.hashes[candidate] === hash && this.ids[candidate] === id) return candidate;
      slot = (slot + 1) & this.mask;
    }
  }
}
