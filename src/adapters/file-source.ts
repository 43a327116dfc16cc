import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { TextSource } from '../core/load/text-source.js';

/**
 * A file as a TextSource: streamed in 1 MiB chunks (never read whole), hashed as it streams.
 * A missing path or a directory is an InputError before anything is read.
 */
export async function openFileSource(path: string): Promise<TextSource & { bytes(): Promise<Uint8Array> }> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new InputError(path, 'file not found');
  if (!info.isFile()) throw new InputError(path, 'is not a file');
  const hash = createHash('sha256');
  let digest: string | undefined;
  let consumed = false;
  return {
    path,
    async *chunks() {
      if (consumed) throw new Error(`${path} was read twice`);
      consumed = true;
      const stream = createReadStream(path, { highWaterMark: 1 << 20 });
      const decoder = new TextDecoder('utf-8', { fatal: true });
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          yield decoder.decode(chunk, { stream: true });
        }
        const rest = decoder.decode();
        if (rest.length > 0) yield rest;
      } catch (error) {
        if (error instanceof TypeError) throw new InputError(path, 'is not valid UTF-8 text');
        throw error;
      }
      digest = hash.digest('hex');
    },
    sha256() {
      if (digest === undefined) throw new Error(`sha256 of ${path} asked before the file was read`);
      return digest;
    },
    /** The raw bytes, for binary formats (Parquet), hashed the same way. */
    async bytes() {
      if (consumed) throw new Error(`${path} was read twice`);
      consumed = true;
      const data = await readFile(path);
      digest = createHash('sha256').update(data).digest('hex');
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
  };
}

/** Reads a small text file whole (policy, manifest) with its hash. */
export async function readSmallFile(path: string): Promise<{ path: string; text: string; sha256: string }> {
  const source = await openFileSource(path);
  const parts: string[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return { path, text: parts.join(''), sha256: source.sha256() };
}
