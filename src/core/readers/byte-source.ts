import type { TextSource } from '../input/text-source.js';

/**
 * A file whose bytes a reader needs whole (Parquet keeps its schema in a footer at the end of the
 * file, so it cannot be read as a stream of text). Adapters that open such files implement this next
 * to TextSource; the core still never opens a file itself.
 */
export interface ByteSource {
  /** The path as the user gave it; used in every message about this file. */
  readonly path: string;
  /** The whole file. The adapter computes the content hash from these bytes. */
  bytes(): Promise<Uint8Array>;
}

/** Whether an adapter handed the reader a source that can also give its bytes. */
export function hasBytes(source: TextSource | ByteSource): source is TextSource & ByteSource {
  return 'bytes' in source && typeof (source as Partial<ByteSource>).bytes === 'function';
}
