// Real promptfoo `--output` files committed to public repositories (test/fixtures/real/promptfoo/*/SOURCE.md
// names each repository, path and commit), run through the CLI in this process
// (runCli on the source; the bundle is smoke-tested in bundle-smoke.test.ts).
import { describe, expect, it } from 'vitest';
import { shortLabel } from '../src/core/readers/promptfoo-identity.js';
import { RUNNERS, type RealReport as Report } from './helpers/real-pair.js';

const R = 'test/fixtures/real/promptfoo';
const RERUNS = `${R}/prompt-eval-workbench-reruns`;
const TWO_SUITES = `${R}/aidevs3-two-suites`;
const TDS = `${R}/tds-rag-vs-gpt/promptfoo_results.json`;
const ERRORED = `${R}/measure-ai-drift-errored/promptfoo-results.json`;
const TWO_PROMPTS = `${R}/ai-qa-demo-two-prompts/results.json`;

const overall = (report: Report | undefined, metric = 'accuracy') =>
  report?.comparisons.find((c) => c.cohort === 'overall' && c.metric === metric);
const findingIds = (report: Report | undefined) => report?.findings.map((f) => f.id).sort();

describe.each(RUNNERS)('real promptfoo files through %s', (_name, check) => {
  it('two runs of the same suite pair test by test, whatever their order in the files (n = 3)', async () => {
    const run = await check([
      '--incumbent',
      `${RERUNS}/run-2026-04-20.json`,
      '--candidate',
      `${RERUNS}/run-2026-04-23.json`,
    ]);
    expect(run.code).toBe(0);
    expect(run.report?.inputs.incumbent.format).toBe('promptfoo');
    expect(run.report?.design).toBe('paired');
    expect([...new Set(run.report?.comparisons.map((c) => c.cohort))]).toEqual(['overall']);
    expect(overall(run.report)).toMatchObject({ n_paired: 3, status: 'inconclusive' });
    expect(overall(run.report)?.incumbent).toBeCloseTo(2 / 3, 10);
    expect(run.report?.verdict).toBe('warn');
    expect(findingIds(run.report)).toEqual(['cohort.inconclusive']);
  });

  it('two runs of different suites (same testIdx 0–5, other vars) are not paired: nothing compared, blocked', async () => {
    const run = await check([
      '--incumbent',
      `${TWO_SUITES}/translate-results.json`,
      '--candidate',
      `${TWO_SUITES}/tasks-results.json`,
    ]);
    expect(run.code).toBe(1);
    expect(run.report?.inputs.candidate.format).toBe('promptfoo');
    expect(run.report?.inputs.incumbent.examples).toBe(6);
    expect(overall(run.report)?.n_paired ?? 0).toBe(0);
    expect(run.report?.verdict).toBe('block');
    expect(findingIds(run.report)).toEqual(expect.arrayContaining(['ids.unmatched-share', 'run.nothing-compared']));
    expect(run.report?.findings.find((f) => f.id === 'ids.unmatched-share')?.message).toMatch(
      /^6 of 6 example id\(s\) in the incumbent file \(100%\)/,
    );
  });

  it('a run of two providers: one against the other inside the file (#provider=), paired by test (n = 5)', async () => {
    const rag = 'https://tds-project-1-ruby-one.vercel.app/query';
    const run = await check([
      '--incumbent',
      `${TDS}#provider=openai:chat:gpt-4o-mini`,
      '--candidate',
      `${TDS}#provider=${rag}`,
    ]);
    expect(run.code).toBe(0);
    expect(run.report?.inputs.incumbent.path).toBe(`${TDS}#provider=openai:chat:gpt-4o-mini`);
    expect(run.report?.inputs.candidate.path).toBe(`${TDS}#provider=${rag}`);
    expect([...new Set(run.report?.comparisons.map((c) => c.cohort))]).toEqual(['overall']);
    // gpt-4o-mini passes 4 of 5 tests, the RAG service 3 of 5.
    expect(overall(run.report)).toMatchObject({ n_paired: 5, status: 'inconclusive' });
    expect(overall(run.report)?.incumbent).toBeCloseTo(0.8, 10);
    expect(overall(run.report)?.candidate).toBeCloseTo(0.6, 10);
    expect(run.report?.verdict).toBe('warn');
  });

  it('the two-provider run without a selector is refused, listing the providers and the syntax', async () => {
    const run = await check(['--incumbent', TDS, '--candidate', TDS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'the run holds 2 providers ("https://tds-project-1-ruby-one.vercel.app/query", "openai:chat:gpt-4o-mini")',
    );
    expect(run.stderr).toContain(
      `--incumbent '${TDS}#provider=<provider A>' --candidate '${TDS}#provider=<provider B>'`,
    );
  });

  it('errored results (failureReason 2) are failures; whole-prompt labels are shortened, the full text kept in the report', async () => {
    const [system, user] = ['prompts/patient_test_prompt.txt: You are', 'prompts/patient_test_prompt.txt: The the'];
    const refused = await check(['--incumbent', ERRORED, '--candidate', ERRORED]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /the run holds 2 prompts \("prompts\/patient_test_prompt\.txt: The the… ~[0-9a-f]{6}", "prompts\/patient_test_prompt\.txt: You are… ~[0-9a-f]{6}"\)/,
    );
    expect(refused.stderr.length).toBeLessThan(1200);

    const run = await check([
      '--incumbent',
      ERRORED,
      '--candidate',
      ERRORED,
      '--cohort-field',
      'prompt,vars.resistance_level',
    ]);
    expect(run.code).toBe(0);
    const cohorts = [...new Set(run.report?.comparisons.map((c) => c.cohort))].sort();
    expect(cohorts.filter((c) => c.startsWith('prompt:')).map((c) => c.slice(7, 7 + system.length))).toEqual([
      user,
      system,
    ]);
    expect(cohorts.every((c) => c.length < 80)).toBe(true);
    expect(cohorts.filter((c) => c.startsWith('resistance_level:'))).toEqual([
      'resistance_level:high',
      'resistance_level:low',
      'resistance_level:moderate',
    ]);
    expect(overall(run.report)).toMatchObject({ n_paired: 16 });
    expect(overall(run.report)?.incumbent).toBe(0);
    const notes = run.report?.inputs.incumbent.notes ?? [];
    expect(notes).toContain(
      '16 result(s) errored (promptfoo failureReason 2: the provider call failed) and count as failures with score 0',
    );
    const cohort = cohorts.find((c) => c.startsWith(`prompt:${system}`)) as string;
    expect(notes.find((n) => n.startsWith(`"${cohort.slice(7)}" stands for: `))?.length).toBeGreaterThan(2800);

    // One prompt against the other, named by its short label: the same 8 tests, all failed on both sides.
    const [systemShort, userShort] = [
      cohort.slice(7),
      (cohorts.find((c) => c.startsWith(`prompt:${user}`)) as string).slice(7),
    ];
    expect(shortLabel(systemShort)).toBe(systemShort);
    const prompts = await check([
      '--incumbent',
      `${ERRORED}#prompt=${systemShort}`,
      '--candidate',
      `${ERRORED}#prompt=${userShort}`,
    ]);
    expect(overall(prompts.report)).toMatchObject({ n_paired: 8 });
  });

  it('a run of two prompts: one prompt against the other (#prompt=<label>)', async () => {
    const run = await check([
      '--incumbent',
      `${TWO_PROMPTS}#prompt=Translate to Spanish: Hello world`,
      '--candidate',
      `${TWO_PROMPTS}#prompt=Summarize: The quick brown fox jumps over the lazy dog`,
    ]);
    expect(run.code).toBe(0);
    expect(overall(run.report)).toMatchObject({ n_paired: 1, status: 'inconclusive' });
    expect(run.report?.verdict).toBe('warn');
  });
});
