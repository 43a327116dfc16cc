import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import type { TextSource } from '../core/input/text-source.js';
import { runFileMarkerLine, runFiles } from '../core/readers/lm-eval-run.js';
import { asInputErrorOnFileSystemFailure, fileSystemInputError } from './file-system-error.js';
import type { SourceFile } from '../core/source-file.js';

/** The size of the text pieces a file is handed out in (see chunks()). */
const TEXT_PIECE = 1 << 16;

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
      // Whether the decoder may hold the start of a character split across pieces.
      let decoderMidCharacter = false;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          // Read in 1 MiB, handed out as text in 64 KiB pieces: a string that size dies young in the
          // garbage collector's nursery, where 1 MiB strings would pile up in the old generation.
          for (let start = 0; start < chunk.length; start += TEXT_PIECE) {
            const piece = chunk.subarray(start, Math.min(chunk.length, start + TEXT_PIECE));
            // Eval files are mostly ASCII, which is its own UTF-8: such a piece is taken as is, about
            // eight times faster than the validating decoder (a quarter of the cost of JSON.parse).
            if (!decoderMidCharacter && isAscii(piece)) {
              yield piece.toString('latin1');
              continue;
            }
            yield decoder.decode(piece, { stream: true });
            decoderMidCharacter = (piece[piece.length - 1] as number) >= 0x80;
          }
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
export async function readSmallFile(path: string): Promise<SourceFile> {
  const source = await openFileSource(path);
  const parts: string[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return { path, text: parts.join(''), sha256: source.sha256() };
}
