import { createHash } from 'node:crypto';
import type { TextSource } from '../../src/core/input/text-source.js';

/** A TextSource over a string, delivered in small chunks so line splitting across chunks is exercised. */
export function memorySource(path: string, text: string, chunkSize = 7): TextSource {
  return {
    path,
    async *chunks() {
      for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
    },
    sha256: () => createHash('sha256').update(text).digest('hex'),
  };
}

export function jsonl(records: readonly unknown[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}
