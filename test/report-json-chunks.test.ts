// The JSON report written in pieces (issue 11: a 100,000-cohort report must not be one huge string):
// joined, and escaped piece by piece, the pieces must be byte-identical to the one-string form.
import { describe, expect, it } from 'vitest';
import { openFileSource, readSmallFile } from '../src/adapters/file-source.js';
import { runCli } from '../src/cli/run-cli.js';
import { escapeOutputLines } from '../src/core/escape-output.js';
import { runGate } from '../src/core/gate/run-gate.js';
import type { TextSource } from '../src/core/input/text-source.js';
import { joinedPieces, reportJsonChunks } from '../src/core/report/report-json-chunks.js';
import { type GateReport, reportToJson } from '../src/core/report/report.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

const tool = { name: 'model-release-gate', version: 'test' };
const readiness = { today: '2026-11-23', evidenceExists: () => true, requireVerifiedWaiversByDefault: false };

/** Two paired files over `cohorts` cohorts, some with hostile names (runner commands, controls, bidi). */
function manyCohorts(examples: number, cohorts: number): { incumbent: string; candidate: string } {
  const hostile = ['::warning::x', '##[add-mask]y', 'line\u2028break', 'esc\u001b[31m', 'rtl\u202e'];
  const side = (flip: number): string =>
    jsonl(
      Array.from({ length: examples }, (_, i) => {
        const c = i % cohorts;
        const label = i % 3 === 0 ? 'fraud' : 'legit';
        const wrong = (i * 7 + flip) % 11 === 0;
        return {
          id: `ex-${i}`,
          cohorts: [c < hostile.length ? hostile[c] : `segment:${c}`],
          label,
          prediction: wrong ? (label === 'fraud' ? 'legit' : 'fraud') : label,
          metrics: { latency_ms: 80 + ((i * 37 + flip) % 61) / 3 },
        };
      }),
    );
  return { incumbent: side(0), candidate: side(5) };
}

async function gate(incumbent: TextSource, candidate: TextSource): Promise<GateReport> {
  return runGate({ incumbent, candidate, readiness, tool });
}

function expectSameBytes(report: object): void {
  const pieces = [...reportJsonChunks(report)];
  expect(pieces.join('')).toBe(reportToJson(report));
  // Whole lines each, so escaping piece by piece is escaping the whole.
  for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
  expect(pieces.map(escapeOutputLines).join('')).toBe(escapeOutputLines(reportToJson(report)));
}

describe('reportJsonChunks', () => {
  it('writes the examples reports byte for byte as reportToJson does', async () => {
    for (const candidate of ['examples/pass/candidate.jsonl', 'examples/blocked/candidate.jsonl']) {
      const report = await runGate({
        incumbent: await openFileSource('examples/incumbent.jsonl'),
        candidate: await openFileSource(candidate),
        policy: await readSmallFile('examples/policy.yml'),
        manifest: await readSmallFile('examples/release-manifest.yml'),
        readiness,
        tool,
      });
      expect(report.comparisons.length).toBeGreaterThan(1);
      expectSameBytes(report);
    }
  });

  it('writes a many-cohort report with hostile cohort names byte for byte', async () => {
    const files = manyCohorts(6000, 400);
    const report = await gate(
      memorySource('a.jsonl', files.incumbent, 1 << 16),
      memorySource('b.jsonl', files.candidate, 1 << 16),
    );
    expect(report.comparisons.length).toBeGreaterThan(400);
    expect(report.findings.length).toBeGreaterThan(1);
    expect(reportToJson(report)).toContain('##[add-mask]');
    expectSameBytes(report);
  });

  it('follows JSON.stringify on the edge cases: empty, left-out, non-finite and nested values', () => {
    expectSameBytes({});
    expectSameBytes({ gone: undefined, f: () => 1 });
    expectSameBytes({ a: [], b: {}, c: [undefined, () => 1, NaN, Infinity, 0.1 + 0.2, [1, [2, {}]]], d: null });
    expectSameBytes({ n: 1 / 3, s: 'x\ny\u2028', list: [{ k: [1.0000000000001, 'a'] }, 'two'], tail: [3] });
    expectSameBytes({ only: [{ deep: { deeper: [[], [{}]] } }] });
    // More elements than one piece holds, with the values an array writes as null among them.
    expectSameBytes({ exact: Array.from({ length: 200 }, (_, i) => [i]) });
    expectSameBytes({
      long: Array.from({ length: 2501 }, (_, i) => (i % 7 === 0 ? undefined : { i, x: i / 7, s: [i] })),
      z: 1,
    });
  });
});

describe('joinedPieces', () => {
  it('joins pieces into runs of at least the size, losing nothing', () => {
    const pieces = ['ab\n', 'c\n', 'def\n', 'g\n'];
    expect([...joinedPieces(pieces, 5)]).toEqual(['ab\nc\n', 'def\ng\n']);
    expect([...joinedPieces(pieces, 100)]).toEqual(['ab\nc\ndef\ng\n']);
    expect([...joinedPieces([], 5)]).toEqual([]);
  });
});

describe('check --format json', () => {
  it('prints a large report in several writes whose text is the escaped reportToJson', async () => {
    const files = manyCohorts(20000, 3000);
    const writes: string[] = [];
    const code = await runCli(['check', '--incumbent', 'a.jsonl', '--candidate', 'b.jsonl', '--format', 'json'], {
      openSource: async (path) => memorySource(path, path === 'a.jsonl' ? files.incumbent : files.candidate, 1 << 16),
      readSmallFile: async () => {
        throw new Error('no small files here');
      },
      writeFile: async () => undefined,
      joinPath: (dir, name) => `${dir}/${name}`,
      stdout: (text) => void writes.push(text),
      stderr: () => undefined,
      now: () => new Date('2026-11-23T09:30:00Z'),
      evidenceExists: () => true,
      tool,
    });
    const report = await gate(
      memorySource('a.jsonl', files.incumbent, 1 << 16),
      memorySource('b.jsonl', files.candidate, 1 << 16),
    );
    expect(code).toBe(report.verdict === 'block' ? 1 : 0);
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.join('')).toBe(escapeOutputLines(reportToJson(report)));
  });
});
