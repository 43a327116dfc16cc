/** Typed arrays that grow by doubling: compact storage for millions of examples without per-item objects. */
export class GrowableFloat64 {
  private data: Float64Array;
  length = 0;

  /** A trimmed copy that owns its buffer (so it can be transferred to another thread). */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }

  constructor(initialCapacity = 16) {
    this.data = new Float64Array(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, Float64Array);
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] as number;
  }

  /** A view of the filled part (no copy). */
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export class GrowableUint32 {
  private data: Uint32Array;
  length = 0;

  /** A trimmed copy that owns its buffer (so it can be transferred to another thread). */
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }

  constructor(initialCapacity = 16) {
    this.data = new Uint32Array(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, Uint32Array);
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] as number;
  }
}

export class GrowableUint8 {
  private data: Uint8Array;
  length = 0;

  /** A trimmed copy that owns its buffer (so it can be transferred to another thread). */
  toArray(): Uint8Array {
    return this.data.slice(0, this.length);
  }

  constructor(initialCapacity = 16) {
    this.data = new Uint8Array(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, Uint8Array);
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] as number;
  }
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(data: T, Ctor: new (length: number) => T): T {
  const bigger = new Ctor(Math.max(16, data.length * 2));
  bigger.set(data);
  return bigger;
}
