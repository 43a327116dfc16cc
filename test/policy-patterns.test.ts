import { describe, expect, it } from 'vitest';
import { runGate } from '../src/core/gate/run-gate.js';
import { jsonl, memorySource } from './helpers/memory-source.js';

/** 200 examples per side, the same answers on both: every tracked comparison passes. */
function evalFile(name: string): ReturnType<typeof memorySource> {
  const records = Array.from({ length: 200 }, (_, i) => ({
    id: i,
    cohorts: [i % 2 === 0 ? 'region:eu' : 'region:us', i % 3 === 0 ? 'lang:de' : 'lang:en'],
    correct: i % 10 !== 0,
  }));
  return memorySource(name, jsonl(records), 4096);
}

async function gate(policyText: string | undefined) {
  return runGate({
    incumbent: evalFile('inc.jsonl'),
    candidate: evalFile('cand.jsonl'),
    policy: policyText === undefined ? undefined : { path: 'gate/policy.yml', text: policyText, sha256: 'x' },
    tool: { name: 'model-release-gate', version: 'test' },
  });
}

const patternFindings = (report: Awaited<ReturnType<typeof gate>>) =>
  report.findings
    .filter((f) => f.id === 'policy.pattern-matches-nothing')
    .map((f) => ({ line: f.line, file: f.file, message: f.message, severity: f.severity }));

describe('policy cohort patterns that match no cohort', () => {
  it('block a track list that untracks everything, at the pattern line, with the case-insensitive match first', async () => {
    const report = await gate('cohorts:\n  track:\n    - "region:EU"\n');
    expect(report.verdict).toBe('block');
    expect(patternFindings(report)).toEqual([
      {
        file: 'gate/policy.yml',
        line: 3,
        severity: 'block',
        message:
          'cohorts.track pattern "region:EU" matches no cohort in either eval file, so it has no effect (patterns are case-sensitive). Nearest cohort names: "region:eu", "region:us", "lang:en"',
      },
    ]);
  });

  it('report each key: track, wildcard required, ignore and overrides; a literal required cohort stays a cohort.missing row', async () => {
    const policy = [
      'cohorts:',
      '  track: ["region:*", "lnag:*"]',
      '  required: ["Region:*", "region:apac"]',
      '  ignore:',
      '    - "lang:fr"',
      '  overrides:',
      '    "regoin:eu":',
      '      min_n: 10',
    ].join('\n');
    const report = await gate(policy);
    const found = patternFindings(report);
    expect(found.map((f) => [f.line, f.message.split(' matches')[0]])).toEqual([
      [2, 'cohorts.track pattern "lnag:*"'],
      [3, 'cohorts.required pattern "Region:*"'],
      [5, 'cohorts.ignore pattern "lang:fr"'],
      [7, 'cohorts.overrides pattern "regoin:eu"'],
    ]);
    expect(found[0]?.message).toMatch(/Nearest cohort names: "lang:de", "lang:en", /);
    expect(found[3]?.message).toMatch(/Nearest cohort names: "region:eu", /);
    // region:apac: absent, literal and required → cohort.missing (blocking), and no second finding.
    expect(
      report.findings.filter((f) => f.id === 'cohort.missing' && f.cohort === 'region:apac').map((f) => f.severity),
    ).toEqual(['block']);
    expect(found.some((f) => f.message.includes('region:apac'))).toBe(false);
  });

  it('say nothing for the default policy or patterns that match', async () => {
    expect(patternFindings(await gate(undefined))).toEqual([]);
    const report = await gate(
      'cohorts:\n  track: ["region:*", "lang:de"]\n  ignore: ["lang:de"]\n  required: ["region:eu"]\n  overrides:\n    "region:*":\n      min_n: 5\n',
    );
    expect(patternFindings(report)).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'block')).toEqual([]);
  });
});
