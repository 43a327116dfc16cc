import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import yauzl from 'yauzl';

/**
 * Takes one named file out of a zip (a workflow artifact) onto disk, refusing archives built to
 * exhaust memory or disk. yauzl reads the central directory, rejects unsafe names and checks that an
 * entry inflates to exactly its declared size; on top of that the declared size and the compression
 * ratio are capped before anything is inflated, and again while the data streams to disk.
 */

/** Why an archive was refused: a property of the archive, never a failure of the network or API. */
export class ArchiveRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveRefusedError';
  }
}

export interface ExtractLimits {
  /** The most bytes the file may have once extracted. */
  readonly maxBytes: number;
  /** The highest uncompressed : compressed ratio allowed above `ratioFloorBytes`. */
  readonly maxRatio?: number;
  /** Files up to this size are not ratio-checked: a small file of repeated text compresses very well. */
  readonly ratioFloorBytes?: number;
}

const DEFAULT_MAX_RATIO = 200;
const DEFAULT_RATIO_FLOOR_BYTES = 1024 * 1024;
const SYMLINK = 0o120000;
const FILE_TYPE = 0o170000;
const DATA_DESCRIPTOR = 0x8;

/**
 * Extracts the entry named `name` to the same relative path under `destination` and returns where it
 * went; the file is removed again when the archive is refused while it streams.
 */
export async function extractZipEntry(
  zipPath: string,
  name: string,
  destination: string,
  limits: ExtractLimits,
): Promise<{ path: string; bytes: number }> {
  const target = safeTarget(destination, name);
  const zip = await yauzl
    .openPromise(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true })
    .catch(refuse);
  try {
    const entries = await readEntries(zip);
    const entry = pickEntry(entries, name);
    checkDeclaredSize(entry, limits);
    await checkLocalHeader(zip, entry);
    checkNoOverlap(entries);
    await mkdir(dirname(target), { recursive: true });
    try {
      return { path: target, ...(await streamEntry(zip, entry, target, limits)) };
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
  } finally {
    zip.close();
  }
}

function refuse(error: unknown): never {
  throw new ArchiveRefusedError(`it is not a readable zip: ${error instanceof Error ? error.message : String(error)}`);
}

/** Refuses names that would land outside the destination ("zip slip"); yauzl refuses such entry names too. */
function safeTarget(destination: string, name: string): string {
  const root = resolve(destination);
  const target = resolve(root, name);
  const inside = relative(root, target);
  const unsafe =
    name.includes('\\') ||
    isAbsolute(name) ||
    /^[a-z]:/i.test(name) ||
    name.split('/').includes('..') ||
    name.endsWith('/') ||
    inside === '' ||
    inside.startsWith('..') ||
    isAbsolute(inside);
  if (unsafe)
    throw new ArchiveRefusedError(`unsafe path ${JSON.stringify(name)}: expected a relative file path without ".."`);
  return target;
}

async function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    refuse(error);
  }
  return entries;
}

function pickEntry(entries: readonly yauzl.Entry[], name: string): yauzl.Entry {
  const matches = entries.filter((entry) => entry.fileName === name);
  if (matches.length > 1) throw new ArchiveRefusedError(`it holds ${JSON.stringify(name)} ${matches.length} times`);
  const [entry] = matches;
  if (entry === undefined) {
    const files = entries.filter((e) => !e.fileName.endsWith('/')).map((e) => JSON.stringify(e.fileName));
    const shown = files.length > 10 ? [...files.slice(0, 10), `and ${files.length - 10} more`] : files;
    throw new ArchiveRefusedError(`it has no file ${JSON.stringify(name)} (it has: ${shown.join(', ') || 'no files'})`);
  }
  if (((entry.externalFileAttributes >>> 16) & FILE_TYPE) === SYMLINK)
    throw new ArchiveRefusedError(`${JSON.stringify(name)} is a symbolic link`);
  if (entry.isEncrypted()) throw new ArchiveRefusedError(`${JSON.stringify(name)} is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new ArchiveRefusedError(
      `${JSON.stringify(name)} uses compression method ${entry.compressionMethod}; only stored and deflated entries are read`,
    );
  }
  return entry;
}

/** Refuses before inflating anything, from the sizes the central directory declares. */
function checkDeclaredSize(entry: yauzl.Entry, limits: ExtractLimits): void {
  if (entry.uncompressedSize > limits.maxBytes) {
    throw new ArchiveRefusedError(
      `${JSON.stringify(entry.fileName)} would extract to ${entry.uncompressedSize} bytes, more than baseline-max-bytes (${limits.maxBytes})`,
    );
  }
  ratioCheck(entry, entry.uncompressedSize, limits);
}

function ratioCheck(entry: yauzl.Entry, bytes: number, limits: ExtractLimits): void {
  const maxRatio = limits.maxRatio ?? DEFAULT_MAX_RATIO;
  if (bytes <= (limits.ratioFloorBytes ?? DEFAULT_RATIO_FLOOR_BYTES)) return;
  if (bytes > maxRatio * Math.max(1, entry.compressedSize)) {
    throw new ArchiveRefusedError(
      `${JSON.stringify(entry.fileName)} expands more than ${maxRatio} times (${entry.compressedSize} compressed bytes, ${bytes} or more extracted): a zip bomb`,
    );
  }
}

/** The local header must describe the same entry as the central directory: two views of one zip must not differ. */
async function checkLocalHeader(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<void> {
  const local = await zip.readLocalFileHeaderPromise(entry).catch(refuse);
  const sameName = local.fileName.equals(entry.fileNameRaw);
  const sameMethod = local.compressionMethod === entry.compressionMethod;
  // With a data descriptor the local sizes and checksum are zero; ZIP64 keeps them in an extra field.
  const sizesDeferred = (local.generalPurposeBitFlag & DATA_DESCRIPTOR) !== 0;
  const zip64 = local.compressedSize === 0xffffffff || local.uncompressedSize === 0xffffffff;
  const sameSizes =
    sizesDeferred ||
    zip64 ||
    (local.crc32 === entry.crc32 &&
      local.compressedSize === entry.compressedSize &&
      local.uncompressedSize === entry.uncompressedSize);
  if (!sameName || !sameMethod || !sameSizes) {
    throw new ArchiveRefusedError(
      `the local header of ${JSON.stringify(entry.fileName)} disagrees with the zip's central directory`,
    );
  }
}

/**
 * Entries whose data ranges overlap are how a zip expands one compressed stream many times over
 * (a "non-recursive zip bomb"); no archiver writes them. Each entry spans at least its fixed local
 * header, its name and its compressed data.
 */
function checkNoOverlap(entries: readonly yauzl.Entry[]): void {
  const spans = entries
    .map((e) => ({
      name: e.fileName,
      start: e.relativeOffsetOfLocalHeader,
      end: e.relativeOffsetOfLocalHeader + 30 + e.fileNameLength + e.compressedSize,
    }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i += 1) {
    const before = spans[i - 1];
    const span = spans[i];
    if (before !== undefined && span !== undefined && span.start < before.end) {
      throw new ArchiveRefusedError(`entries ${JSON.stringify(before.name)} and ${JSON.stringify(span.name)} overlap`);
    }
  }
}

async function streamEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  target: string,
  limits: ExtractLimits,
): Promise<{ bytes: number }> {
  let bytes = 0;
  let crc = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      bytes += chunk.length;
      try {
        if (bytes > limits.maxBytes)
          throw new ArchiveRefusedError(
            `${JSON.stringify(entry.fileName)} extracts to more than baseline-max-bytes (${limits.maxBytes})`,
          );
        ratioCheck(entry, bytes, limits);
      } catch (error) {
        done(error as Error);
        return;
      }
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  try {
    await pipeline(await zip.openReadStreamPromise(entry), guard, createWriteStream(target));
  } catch (error) {
    if (error instanceof ArchiveRefusedError) throw error;
    // yauzl's own checks (an entry that inflates to more or fewer bytes than declared, bad deflate data).
    // A failing write (a full disk) is not the archive's fault; those errors name their system call.
    if (error instanceof Error && 'syscall' in error) throw error;
    throw new ArchiveRefusedError(
      `${JSON.stringify(entry.fileName)} is damaged: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (bytes !== entry.uncompressedSize || crc !== entry.crc32) {
    throw new ArchiveRefusedError(`${JSON.stringify(entry.fileName)}: the data does not match its checksum`);
  }
  return { bytes };
}

let crcTable: Uint32Array | undefined;

/** CRC-32 as zip uses it, continued from `previous`; zlib's native one where this Node has it (20.15+). */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (native !== undefined) return native(data, previous);
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
