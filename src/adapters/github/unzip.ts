import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * A small reader for the zips GitHub serves for workflow artifacts: stored or deflated entries,
 * read through the central directory (so streamed entries with data descriptors work). No ZIP64 and
 * no encryption: a baseline artifact is far below 4 GB. The package has no zip reader of its own among
 * its direct dependencies, and this one is enough and easy to audit.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipLimits {
  /** The most bytes all entries may expand to, against zip bombs. */
  maxTotalBytes?: number;
}

const DEFAULT_MAX_TOTAL_BYTES = 2 * 1024 ** 3;

/** Extracts `zip` under `destination` and returns the relative paths of the files written. */
export async function extractZip(zip: Buffer, destination: string, limits: ZipLimits = {}): Promise<string[]> {
  const root = resolve(destination);
  const maxTotal = limits.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  const written: string[] = [];
  let total = 0;
  await mkdir(root, { recursive: true });
  for (const entry of centralDirectory(zip)) {
    const target = safeTarget(root, entry.name);
    if (entry.name.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    total += entry.size;
    if (total > maxTotal) throw new Error(`The zip expands to more than ${maxTotal} bytes.`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, entryData(zip, entry));
    written.push(relative(root, target));
  }
  return written;
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function centralDirectory(zip: Buffer): CentralEntry[] {
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('ZIP64 archives are not supported.');
  const entries: CentralEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) throw new Error('The zip\'s central directory is damaged.');
    const nameLength = zip.readUInt16LE(offset + 28);
    const flags = zip.readUInt16LE(offset + 8);
    entries.push({
      // Bit 11 marks UTF-8 names; others are CP437, whose ASCII part latin1 reads the same.
      name: zip.toString(flags & 0x800 ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength),
      flags,
      method: zip.readUInt16LE(offset + 10),
      crc: zip.readUInt32LE(offset + 16),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

/** The end record sits in the last 22 bytes plus at most a 64 KiB archive comment. */
function findEndRecord(zip: Buffer): number {
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 22 - 0xffff); offset -= 1) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('Not a zip archive (no end of central directory record).');
}

function entryData(zip: Buffer, entry: CentralEntry): Buffer {
  if (entry.flags & 0x1) throw new Error(`${entry.name} is encrypted.`);
  if (zip.readUInt32LE(entry.localOffset) !== LOCAL_FILE_HEADER) throw new Error(`${entry.name}: damaged local header.`);
  // The local header's name and extra field may differ in length from the central directory's.
  const start = entry.localOffset + 30 + zip.readUInt16LE(entry.localOffset + 26) + zip.readUInt16LE(entry.localOffset + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.method === STORED) data = raw;
  else if (entry.method === DEFLATED) data = entry.size === 0 ? Buffer.alloc(0) : inflateRawSync(raw, { maxOutputLength: entry.size });
  else throw new Error(`${entry.name}: compression method ${entry.method} is not supported.`);
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw new Error(`${entry.name}: the data does not match its checksum.`);
  return data;
}

/** Refuses names that would land outside the destination ("zip slip"). */
function safeTarget(root: string, name: string): string {
  if (name.includes('\\') || isAbsolute(name) || /^[a-z]:/i.test(name) || name.split('/').includes('..')) {
    throw new Error(`The zip holds an unsafe path: ${JSON.stringify(name)}.`);
  }
  const target = resolve(root, name);
  const inside = relative(root, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new Error(`The zip holds an unsafe path: ${JSON.stringify(name)}.`);
  return target;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 as zip uses it (zlib.crc32 only exists from Node 20.15). */
export function crc32(data: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
