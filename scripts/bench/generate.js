// The bench's input files, generated once into .bench/ (git-ignored) and reused by later runs.
import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { rng } from '../seeded-random.js';

export const BENCH_DIR = '.bench';

function record(i, cohort, label, right, grounded, latency) {
  const prediction = right ? label : label === 'positive' ? 'negative' : 'positive';
  const ms = Math.round(latency * 100) / 100;
  return `{"id":"ex-${i}","cohorts":["${cohort}"],"label":"${label}","prediction":"${prediction}","checks":{"grounded":${grounded}},"metrics":{"latency_ms":${ms}}}\n`;
}

/**
 * Two paired per-example files of `examples` lines each, spread over `cohorts` segment cohorts
 * (plus overall and two labels): accuracy, one check and a latency gated on p95. Written under a
 * temporary name first, so an interrupted run never leaves a truncated file that looks complete.
 */
export async function pairedExampleFiles(examples, cohorts) {
  mkdirSync(BENCH_DIR, { recursive: true });
  const suffix = cohorts === 200 ? `${examples}` : `${examples}-c${cohorts}`;
  const paths = {
    incumbent: `${BENCH_DIR}/incumbent-${suffix}.jsonl`,
    candidate: `${BENCH_DIR}/candidate-${suffix}.jsonl`,
  };
  if (existsSync(paths.incumbent) && existsSync(paths.candidate)) return paths;
  const width = String(cohorts - 1).length;
  const random = rng(7);
  const incumbent = createWriteStream(`${paths.incumbent}.tmp`);
  const candidate = createWriteStream(`${paths.candidate}.tmp`);
  const BATCH = 10_000;
  let a = [];
  let b = [];
  const flush = async () => {
    // Both drains are awaited together: awaiting one first could miss the other's event.
    const waits = [];
    if (!incumbent.write(a.join(''))) waits.push(once(incumbent, 'drain'));
    if (!candidate.write(b.join(''))) waits.push(once(candidate, 'drain'));
    a = [];
    b = [];
    await Promise.all(waits);
  };
  for (let i = 0; i < examples; i++) {
    const cohort = `segment:${String(Math.floor(random() * cohorts)).padStart(width, '0')}`;
    const label = random() < 0.1 ? 'positive' : 'negative';
    const right = random() < 0.9;
    const candidateRight = right || random() < 0.1;
    const grounded = random() < 0.95;
    const latency = 50 + random() * 100;
    a.push(record(i, cohort, label, right, grounded, latency));
    b.push(record(i, cohort, label, candidateRight, grounded || random() < 0.2, latency * (0.95 + random() * 0.05)));
    if (a.length === BATCH) await flush();
  }
  await flush();
  incumbent.end();
  candidate.end();
  await Promise.all([once(incumbent, 'finish'), once(candidate, 'finish')]);
  renameSync(`${paths.incumbent}.tmp`, paths.incumbent);
  renameSync(`${paths.candidate}.tmp`, paths.candidate);
  return paths;
}

/** A paired summary (the format a warehouse query writes) of `cohorts` cohorts: accuracy and a latency mean. */
export function pairedSummaryFile(cohorts) {
  mkdirSync(BENCH_DIR, { recursive: true });
  const path = `${BENCH_DIR}/paired-summary-${cohorts}.json`;
  if (existsSync(path)) return path;
  const random = rng(11);
  const entries = [];
  for (let c = 0; c < cohorts; c++) {
    const n = 200 + Math.floor(random() * 2000);
    const both = Math.floor(n * 0.8);
    const incumbentOnly = Math.floor(n * 0.05 * random());
    const candidateOnly = Math.floor(n * 0.05 * random());
    const diff = Math.round((random() - 0.5) * 1000) / 1000;
    entries.push(
      `    "segment:${c}": {"n": ${n}, "metrics": {` +
        `"accuracy": {"incumbent_successes": ${both + incumbentOnly}, "candidate_successes": ${both + candidateOnly}, "incumbent_only_successes": ${incumbentOnly}, "candidate_only_successes": ${candidateOnly}}, ` +
        `"latency_ms": {"mean_diff": ${diff}, "sd_diff": 4.5, "incumbent_mean": 100, "candidate_mean": ${100 + diff}}}}`,
    );
  }
  const text = [
    '{',
    '  "schema": "model-release-gate/paired-summary@1",',
    '  "cohorts": {',
    entries.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
  writeFileSync(path, text);
  return path;
}

/** The policy the paired-file runs use: latency gated on its p95, cohorts of at least 30 pairs. */
export function benchPolicy() {
  const path = `${BENCH_DIR}/policy.yml`;
  writeFileSync(
    path,
    'metrics:\n  latency_ms: {direction: lower, statistic: p95, margin: "10%"}\ncohorts:\n  min_n: 30\n',
  );
  return path;
}
