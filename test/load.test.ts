import { describe, expect, it } from 'vitest';
import { loadPairedExamples } from '../src/core/load/paired-data.js';
import { readLineBatches } from '../src/core/input/text-source.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

describe('reading per-example files', () => {
  it('splits lines across chunk boundaries, with CRLF and no final newline', async () => {
    const lines: string[] = [];
    for await (const { texts, firstLine } of readLineBatches(memorySource('f', 'ab\r\ncd\n\nef', 3))) {
      texts.forEach((text, i) => lines.push(`${firstLine + i}:${text}`));
    }
    expect(lines).toEqual(['1:ab', '2:cd', '3:', '4:ef']);
  });

  it('pairs by id, builds label cohorts and counts ids on one side only', async () => {
    const incumbent = jsonl([
      { id: 'a', label: 'cat', prediction: 'cat', cohorts: ['x'] },
      { id: 'b', label: 'dog', prediction: 'cat', cohorts: ['x'] },
      { id: 'c', label: 'dog', prediction: 'dog' },
      { id: 'only-inc', label: 'dog', prediction: 'dog' },
    ]);
    const candidate = jsonl([
      { id: 'c', label: 'dog', prediction: 'cat' },
      { id: 'b', label: 'dog', prediction: 'dog', cohorts: ['x'] },
      { id: 'a', label: 'cat', prediction: 'cat', cohorts: ['x'] },
      { id: 'only-cand', label: 'cat', prediction: 'dog' },
    ]);
    const data = await loadPairedExamples(
      { source: memorySource('inc.jsonl', incumbent), spec: { reader: 'jsonl', options: {} } },
      { source: memorySource('cand.jsonl', candidate), spec: { reader: 'jsonl', options: {} } },
      new Set(),
    );
    const cohort = (name: string) => data.cohorts[data.cohortNames.indexOf(name)];
    expect(data.binaryMetrics).toEqual(['accuracy']);
    // overall over the 3 pairs: a right/right, b wrong/right, c right/wrong.
    expect([...(cohort('overall')?.tables ?? [])]).toEqual([0, 1, 1, 1]);
    expect(cohort('label:dog')?.nPaired).toBe(2);
    expect(cohort('x')?.nPaired).toBe(2);
    expect(data.incumbentOnly).toEqual({ count: 1, sample: ['only-inc'] });
    expect(data.candidateOnly).toEqual({ count: 1, sample: ['only-cand'] });
    expect(data.incumbentCounts[data.cohortNames.indexOf('overall')]).toBe(4);
  });
});
