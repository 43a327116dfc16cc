import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import type { TextSource } from '../core/load/text-source.js';
import { runFileMarkerLine, runFiles } from '../core/readers/lm-eval-run.js';
import { asInputErrorOnFileSystemFailure, fileSystemInputError } from './file-system-error.js';

/**
 * A file as a TextSource: streamed in 1 MiB chunks (never read whole), hashed as it streams.
 * A missing or unreadable path is an InputError before anything is read; so is a failure while reading.
 */
export async function openFileSource(path: string): Promise<TextSource & { bytes(): Promise<Uint8Array> }> {
  const info = await stat(path).catch((error: unknown) => {
    // Node refuses some paths before asking the system (a NUL byte): those are the user's to fix too.
    throw fileSystemInputError(error, path) ?? new InputError(path, 'is not a usable file path');
  });
  if (info.isDirectory()) return openRunDirectory(path);
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
        throw fileSystemInputError(error, path, 'read it') ?? error;
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
      const data = await asInputErrorOnFileSystemFailure(path, 'read it', () => readFile(path));
      digest = createHash('sha256').update(data).digest('hex');
      return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    },
  };
}

/**
 * An lm-eval run directory as one source: its results file and every samples file of the run, each
 * after a marker line naming it (see core/readers/lm-eval-run.ts), hashed as one stream. Binary
 * reading is refused: no binary format comes as a directory.
 */
async function openRunDirectory(path: string): Promise<TextSource & { bytes(): Promise<Uint8Array> }> {
  const listed = runFiles(path, await asInputErrorOnFileSystemFailure(path, 'list the directory', () => readdir(path)));
  if ('problem' in listed) throw new InputError(path, listed.problem);
  const parts = await Promise.all(listed.files.map((name) => openFileSource(join(path, name))));
  const hash = createHash('sha256');
  let digest: string | undefined;
  return {
    path,
    async *chunks() {
      for (const [i, part] of parts.entries()) {
        const marker = runFileMarkerLine(listed.files[i] as string);
        hash.update(marker);
        yield marker;
        let last = '\n';
        for await (const chunk of part.chunks()) {
          hash.update(chunk);
          if (chunk.length > 0) last = chunk;
          yield chunk;
        }
        // A file without a final newline must not run into the next marker.
        if (!last.endsWith('\n')) {
          hash.update('\n');
          yield '\n';
        }
      }
      digest = hash.digest('hex');
    },
    sha256() {
      if (digest === undefined) throw new Error(`sha256 of ${path} asked before the run was read`);
      return digest;
    },
    bytes() {
      return Promise.reject(
        new InputError(path, 'is a directory: only an lm-eval run directory can be given as a directory'),
      );
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
