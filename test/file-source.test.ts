import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSource } from '../src/adapters/file-source.js';
import { InputError } from '../src/core/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'file-source-'));
const PIECE = 1 << 16;

async function readText(bytes: Uint8Array): Promise<{ text: string; sha256: string }> {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(path, bytes);
  const source = await openFileSource(path);
  let text = '';
  for await (const chunk of source.chunks()) text += chunk;
  return { text, sha256: source.sha256() };
}

/** ASCII filler with `insert` placed so that it straddles byte offset `at`. */
function straddling(size: number, at: number, insert: string): Buffer {
  const bytes = Buffer.from(insert, 'utf8');
  const filler = Buffer.alloc(size, 'a');
  bytes.copy(filler, at - 1);
  return filler;
}

describe('openFileSource', () => {
  it('gives back an ASCII file of several pieces exactly, with its sha256', async () => {
    const bytes = Buffer.from('{"id":"x"}\n'.repeat(300_000));
    const { text, sha256 } = await readText(bytes);
    expect(text).toBe(bytes.toString('utf8'));
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('decodes characters split across a 64 KiB piece and a 1 MiB read, and ASCII after them', async () => {
    for (const at of [PIECE, 3 * PIECE, 1 << 20]) {
      for (const insert of ['é', '€', '😀']) {
        const bytes = straddling((1 << 20) + 4 * PIECE, at, insert);
        const { text } = await readText(bytes);
        expect(text).toBe(bytes.toString('utf8'));
        expect(text).toContain(insert);
      }
    }
  });

  it('refuses invalid UTF-8 whether the bad bytes end a piece or sit inside one', async () => {
    const cut = Buffer.alloc(3 * PIECE, 'a');
    cut[PIECE - 1] = 0xe2; // the start of a three-byte character, followed by ASCII in the next piece
    const stray = Buffer.alloc(3 * PIECE, 'a');
    stray[PIECE + 10] = 0xff;
    const truncated = Buffer.concat([Buffer.alloc(PIECE, 'a'), Buffer.from([0xf0, 0x9f])]);
    for (const bytes of [cut, stray, truncated]) {
      const error = await readText(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/is not valid UTF-8 text/);
    }
  });
});
