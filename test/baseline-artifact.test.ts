import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readActionInputs } from '../src/action/action-inputs.js';
import type { GitHubPlatform } from '../src/adapters/github/github-platform.js';
import { resolveIncumbent } from '../src/action/resolve-baseline.js';
import { downloadBaselineArtifact } from '../src/adapters/github/baseline-artifact.js';
import { createGitHubClient } from '../src/adapters/github/client.js';
import { ArchiveRefusedError, crc32, extractZipEntry } from '../src/adapters/github/unzip.js';
import { InputError } from '../src/core/errors.js';
import { FakeGitHub } from './helpers/fake-github.js';
import { writeZip } from './helpers/zip-writer.js';

const MiB = 1024 * 1024;
const REPO = 'acme/models';

/** One entry as it goes into the archive, every header field settable so the archive can lie. */
interface RawEntry {
  name: string;
  /** The bytes as stored (already deflated for method 8). */
  payload: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
  /** What the local header says, when it should differ from the central directory. */
  local?: { name?: string; size?: number };
  /** Point the central directory at another entry's local header (an overlapping entry). */
  sharesLocalHeaderOf?: number;
  unixMode?: number;
}

function buildZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    if (entry.sharesLocalHeaderOf !== undefined) {
      offsets.push(offsets[entry.sharesLocalHeaderOf] ?? 0);
      continue;
    }
    const name = Buffer.from(entry.local?.name ?? entry.name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.payload.length, 18);
    header.writeUInt32LE(entry.local?.size ?? entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    parts.push(header, name, entry.payload);
    offset += header.length + name.length + entry.payload.length;
  }
  const directoryStart = offset;
  entries.forEach((entry, index) => {
    const name = Buffer.from(entry.name, 'utf8');
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode === undefined ? 20 : (3 << 8) | 20, 4); // made by Unix when a mode is set
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.payload.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? 0) << 16) >>> 0, 38);
    central.writeUInt32LE(offsets[index] ?? 0, 42);
    parts.push(central, name);
    offset += central.length + name.length;
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  return Buffer.concat([...parts, end]);
}

function stored(name: string, text: string): RawEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, payload: data, method: 0, crc: crc32(data), size: data.length };
}

/** `mib` MiB of zeros, deflated as it is produced so the test itself never holds them (about 1000:1). */
async function deflatedZeros(mib: number): Promise<{ payload: Buffer; crc: number; size: number }> {
  const zeros = Buffer.alloc(MiB);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < mib; i += 1) {
    crc = crc32(zeros, crc);
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { payload: Buffer.concat(out), crc, size: mib * MiB };
}

/** The highest RSS seen while `run` settles, above what it was before. */
async function peakRssGrowth(run: () => Promise<unknown>): Promise<{ growth: number; outcome: unknown }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const outcome = await run().then(
    (value) => value,
    (error: unknown) => error,
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { growth: peak - before, outcome };
}

let directory: string;
let fake: FakeGitHub;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'gate-artifact-'));
  fake = new FakeGitHub();
  await fake.start();
});
afterEach(async () => {
  await fake.stop();
  await rm(directory, { recursive: true, force: true });
});

/** Serves `zip` as the artifact `baseline` of a successful run, and downloads `file` from it. */
async function download(zip: Buffer, file: string, maxBytes = 1024 ** 3): Promise<string> {
  const run = fake.state.addRun(REPO, { workflow: 'gate.yml', headSha: 'sha-1' });
  const artifact = fake.state.addArtifact(run.id, { name: 'baseline', zip });
  const octokit = createGitHubClient('user-token', { baseUrl: fake.apiUrl });
  return downloadBaselineArtifact(octokit, {
    owner: 'acme',
    repo: 'models',
    artifactId: artifact.id,
    file,
    destination: join(directory, 'out'),
    maxBytes,
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => expect.fail('expected the archive to be refused'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveRefusedError);
  return (error as Error).message;
}

describe('the baseline artifact zip', () => {
  it('extracts only the named file, stored or deflated, and leaves no zip behind', async () => {
    const results = '{"id":1,"correct":true}\n'.repeat(1000);
    const zip = writeZip({ 'eval/incumbent.jsonl': results, 'other.bin': Buffer.alloc(4096, 7) }, { deflate: true });
    expect(await download(zip, 'eval/incumbent.jsonl')).toBe(join(directory, 'out', 'eval', 'incumbent.jsonl'));
    expect(await readFile(join(directory, 'out', 'eval', 'incumbent.jsonl'), 'utf8')).toBe(results);
    expect(await readdir(join(directory, 'out'))).toEqual(['eval']);
    expect(await readdir(directory)).toEqual(['out']);

    const zipPath = join(directory, 'plain.zip');
    await writeFile(zipPath, writeZip({ 'stored.txt': 'plain' }));
    expect(await extractZipEntry(zipPath, 'stored.txt', join(directory, 'x'), { maxBytes: 100 })).toEqual({
      path: join(directory, 'x', 'stored.txt'),
      bytes: 5,
    });
  });

  it('refuses a 200 MiB bomb by its compression ratio before inflating it, writing nothing', async () => {
    const bomb = await deflatedZeros(200);
    expect(bomb.payload.length).toBeLessThan(MiB); // the whole artifact is a few hundred KB
    const zip = buildZip([{ name: 'incumbent.jsonl', method: 8, ...bomb }]);
    const { growth, outcome } = await peakRssGrowth(() => download(zip, 'incumbent.jsonl'));
    expect(outcome).toBeInstanceOf(ArchiveRefusedError);
    expect((outcome as Error).message).toMatch(
      /^"incumbent.jsonl" expands more than 200 times \(\d+ compressed bytes, 209715200 or more extracted\): a zip bomb$/,
    );
    expect(existsSync(join(directory, 'out', 'incumbent.jsonl'))).toBe(false);
    expect(growth).toBeLessThan(64 * MiB);
  });

  it('stops a bomb that declares a small size as soon as it inflates past it, and deletes what was written', async () => {
    const bomb = await deflatedZeros(200);
    const zip = buildZip([{ name: 'incumbent.jsonl', method: 8, payload: bomb.payload, crc: bomb.crc, size: 500_000 }]);
    const { growth, outcome } = await peakRssGrowth(() => download(zip, 'incumbent.jsonl'));
    expect(outcome).toBeInstanceOf(ArchiveRefusedError);
    expect((outcome as Error).message).toMatch(/^"incumbent.jsonl" is damaged: too many bytes in the stream/);
    expect(existsSync(join(directory, 'out', 'incumbent.jsonl'))).toBe(false);
    expect(growth).toBeLessThan(64 * MiB);
  });

  it('refuses a file declared larger than the cap, and a zip larger than the cap', async () => {
    const data = Buffer.from('x'.repeat(5000));
    const entry: RawEntry = {
      name: 'big.jsonl',
      method: 8,
      payload: deflateRawSync(data),
      crc: crc32(data),
      size: data.length,
    };
    expect(await refusal(download(buildZip([entry]), 'big.jsonl', 4096))).toBe(
      '"big.jsonl" would extract to 5000 bytes, more than baseline-max-bytes (4096)',
    );
    const incompressible = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251));
    expect(await refusal(download(writeZip({ 'a.bin': incompressible }), 'a.bin', 4096))).toBe(
      "the artifact's zip is larger than baseline-max-bytes (4096)",
    );
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses overlapping entries and a local header that disagrees with the central directory', async () => {
    const overlapping = buildZip([
      stored('a.jsonl', '{"id":1}\n'),
      { ...stored('b.jsonl', '{"id":1}\n'), sharesLocalHeaderOf: 0 },
    ]);
    expect(await refusal(download(overlapping, 'a.jsonl'))).toBe('entries "a.jsonl" and "b.jsonl" overlap');

    const renamed = buildZip([{ ...stored('good.jsonl', '{"id":1}\n'), local: { name: 'evil.jsonl' } }]);
    expect(await refusal(download(renamed, 'good.jsonl'))).toBe(
      'the local header of "good.jsonl" disagrees with the zip\'s central directory',
    );
    const resized = buildZip([{ ...stored('good.jsonl', '{"id":1}\n'), local: { size: 3 } }]);
    expect(await refusal(download(resized, 'good.jsonl'))).toMatch(/local header of "good.jsonl" disagrees/);
  });

  it('refuses unsafe paths, symbolic links, damaged data and a missing file', async () => {
    expect(await refusal(download(writeZip({ 'ok.jsonl': 'x' }), '../escape.jsonl'))).toMatch(
      /^unsafe path "..\/escape.jsonl"/,
    );
    expect(await refusal(download(writeZip({ 'ok.jsonl': 'x', '../escape.txt': 'x' }), 'ok.jsonl'))).toMatch(
      /not a readable zip: invalid relative path: ..\/escape.txt/,
    );
    expect(await refusal(download(writeZip({ 'ok.jsonl': 'x', '/etc/passwd': 'x' }), 'ok.jsonl'))).toMatch(
      /not a readable zip: absolute path: \/etc\/passwd/,
    );
    expect(
      await refusal(download(buildZip([{ ...stored('link.jsonl', '/etc/passwd'), unixMode: 0o120777 }]), 'link.jsonl')),
    ).toBe('"link.jsonl" is a symbolic link');

    const damaged = writeZip({ 'a.txt': 'hello' });
    damaged[30 + 'a.txt'.length] = 'j'.charCodeAt(0);
    expect(await refusal(download(damaged, 'a.txt'))).toBe('"a.txt": the data does not match its checksum');
    expect(existsSync(join(directory, 'out', 'a.txt'))).toBe(false);

    expect(await refusal(download(writeZip({ 'candidate.jsonl': 'x' }), 'incumbent.jsonl'))).toBe(
      'it has no file "incumbent.jsonl" (it has: "candidate.jsonl")',
    );
    expect(await refusal(download(Buffer.from('not a zip at all, just text'), 'incumbent.jsonl'))).toMatch(
      /^it is not a readable zip: /,
    );
  });
});

describe('a refused baseline artifact in the Action', () => {
  it('is an InputError for the incumbent input that says why', async () => {
    const bomb = await deflatedZeros(50);
    const zip = buildZip([{ name: 'incumbent.jsonl', method: 8, ...bomb }]);
    const platform = {
      environment: { defaultBranch: 'main', pullRequest: null },
      downloadBaseline: async (request: { file: string; destination: string; maxBytes: number }) => {
        await download(zip, request.file, request.maxBytes);
        return { runId: 1, artifactId: 1, headSha: 'sha-1' };
      },
      describeFailure: () => ({ kind: 'other', message: 'unexpected', hint: '' }),
    } as unknown as GitHubPlatform;
    const options = {
      workflow: 'gate.yml',
      branch: '',
      destination: join(directory, 'baseline'),
      maxBytes: 1024 ** 3,
      joinPath: join,
    };
    const error: unknown = await resolveIncumbent('artifact:eval-results/incumbent.jsonl', options, platform).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('input incumbent');
    expect((error as InputError).problem).toMatch(
      /^the baseline artifact eval-results was refused, and nothing from it was used: "incumbent.jsonl" expands more than 200 times .*a zip bomb\. Check what the baseline workflow uploads under that name \(baseline-max-bytes caps its size at 1073741824 bytes\)\.$/,
    );
  });

  it('reads baseline-max-bytes as bytes or binary units, 1 GiB by default', () => {
    const read = (value: string) =>
      readActionInputs((name) => ({ incumbent: 'a', candidate: 'b', 'baseline-max-bytes': value })[name] ?? '')[
        'baseline-max-bytes'
      ];
    expect([read(''), read('4096'), read('512MiB'), read('2 GiB')]).toEqual([
      1024 ** 3,
      4096,
      512 * MiB,
      2 * 1024 ** 3,
    ]);
    for (const bad of ['lots', '-5', '12', '1TB']) {
      expect(() => read(bad)).toThrow(InputError);
    }
    expect(() => read('lots')).toThrow(/input baseline-max-bytes: expected a size such as 1073741824, 512MiB or 2GiB/);
  });
});
