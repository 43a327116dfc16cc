import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../src/core/input/csv-records.js';
import { readLineBatches } from '../src/core/input/text-source.js';
import { expectInputError } from './helpers/input-error.js';
import { memorySource } from './helpers/memory-source.js';

const MiB = 1024 * 1024;

async function drain(batches: AsyncIterable<unknown>): Promise<void> {
  for await (const batch of batches) void batch;
}

async function lines(text: string, chunkSize: number): Promise<string[]> {
  const out: string[] = [];
  for await (const { texts, firstLine } of readLineBatches(memorySource('f', text, chunkSize))) {
    texts.forEach((t, i) => out.push(`${firstLine + i}:${t}`));
  }
  return out;
}

describe('line and record length limits', () => {
  it('splits the same lines whatever the chunk size, CRLF split across chunks included', async () => {
    const text = 'ab\r\ncd\n\n\r\nlonger line here\r\nef\r';
    const expected = ['1:ab', '2:cd', '3:', '4:', '5:longer line here', '6:ef'];
    for (const size of [1, 2, 3, 5, 64]) expect(await lines(text, size)).toEqual(expected);
  });

  it('stops at a JSONL line over 16 MiB, naming the file and the line', async () => {
    const text = `{"id":1}\n{"id":2,"pad":"${'x'.repeat(17 * MiB)}"}\n{"id":3}\n`;
    const error = await expectInputError(() => drain(readLineBatches(memorySource('big.jsonl', text, 1 * MiB))));
    expect([error.file, error.line, error.problem]).toEqual([
      'big.jsonl',
      2,
      'a line longer than 16 MiB: is this file JSONL?',
    ]);
  });

  it('stops at the long line when it arrives in many small chunks', async () => {
    // 17 MiB in 4 KiB chunks: 4352 chunks, each searched once (the old reader rescanned the whole pending line per chunk).
    const text = `{"id":1}\n${'y'.repeat(17 * MiB)}`;
    const error = await expectInputError(() => drain(readLineBatches(memorySource('one-line.txt', text, 4096))));
    expect([error.file, error.line]).toEqual(['one-line.txt', 2]);
  });

  it('stops at a CSV record over 16 MiB with its line', async () => {
    const text = `id,label,prediction\na,1,1\nb,"${'z'.repeat(17 * MiB)}\nc,1,1\n`;
    const error = await expectInputError(() => drain(readCsvRecords(memorySource('big.csv', text, 64 * 1024))));
    expect(error.file).toBe('big.csv');
    expect(error.line).toBe(3);
    expect(error.problem).toMatch(/record longer than 16 MiB/);
  });
});
