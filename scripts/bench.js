// npm run bench: the performance targets, each measured in this one run next to its floor and target.
//   - 2 × 1M paired examples (~200 cohorts, accuracy + a check + latency p95): the gate against a floor
//     program that only reads and JSON.parses both files line by line (time ratio), and its peak RSS;
//   - 2 × 5M examples: time linear in rows (≤ 5.5 × the 1M time), peak RSS flat;
//   - 1M examples over 100,000 cohorts (about 10 per cohort): peak RSS of the whole run, report included;
//   - a paired summary of 10,000 cohorts, gated in under a second;
//   - Action start-up (dist/index.js stopping at once on a missing input) against bare `node -e 0`.
// Exits 1 when a target is missed, after printing everything.
//   BENCH_EXAMPLES=200000 npm run bench   scales every size down for a quicker run
//   BENCH_RUNS=5                          runs of the 1M case (median); default 3
//   BENCH_SKIP=5m,100k                    leaves cases out
import { existsSync } from 'node:fs';
import { benchPolicy, pairedExampleFiles, pairedSummaryFile } from './bench/generate.js';
import { ACTION, CLI, floor, gate, median, timeOnly } from './bench/measure.js';
import { minimalAction } from './bench/minimal-action.js';

const EXAMPLES = Number(process.env.BENCH_EXAMPLES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
if (!existsSync(CLI) || !existsSync(ACTION)) {
  console.error(`bench: ${CLI} or ${ACTION} is missing: run npm run package first`);
  process.exit(2);
}

const rows = [];
/** One figure: its value, its floor or reference, and whether the target holds. */
function figure(name, value, reference, target, ok) {
  rows.push({ name, value, reference, target, ok });
  console.error(`  ${ok === undefined ? '·' : ok ? '✓' : '✗'} ${name}: ${value}`);
}
const s = (seconds) => `${seconds.toFixed(2)} s`;
const mib = (value) => `${value.toFixed(0)} MiB`;
const x = (ratio) => `${ratio.toFixed(2)}×`;
const count = (n) => n.toLocaleString('en-US');
const policy = benchPolicy();

// 1. Action start-up: the bundle loads, reads its inputs and stops on the missing required one. The
// smallest Action on the same stack (@actions/core alone, doing the same) is timed alongside: it is
// the share of the start-up this project cannot remove.
if (!SKIP.has('startup')) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const minimal = minimalAction();
  const action = [];
  const bare = [];
  const core = [];
  for (let run = 0; run < 7; run++) {
    bare.push(timeOnly(['-e', '0'], env).seconds);
    core.push(timeOnly([minimal], env).seconds);
    action.push(timeOnly([ACTION], env).seconds);
  }
  const a = median(action);
  const b = median(bare);
  const c = median(core);
  figure(
    `Action start-up, ${ACTION} without inputs (median of 7)`,
    s(a),
    `bare node ${s(b)}; @actions/core alone ${s(c)} (${x(c / b)})`,
    `≤ 2× bare node (now ${x(a / b)}; ${x(a / c)} the @actions/core Action)`,
    a <= 2 * b,
  );
}

// 2. A paired summary (counts computed elsewhere): start to verdict in under a second.
if (!SKIP.has('summary')) {
  const path = pairedSummaryFile(10_000);
  const runs = [0, 1, 2].map(() => gate(['--paired', path]));
  const bare = median([0, 1, 2].map(() => timeOnly(['-e', '0']).seconds));
  const time = median(runs.map((m) => m.seconds));
  figure(
    'paired summary of 10,000 cohorts: wall time (median of 3)',
    s(time),
    `bare node ${s(bare)}`,
    '< 1 s',
    time < 1,
  );
}

// 3. The main case. Floor and gate run alternately and medians are compared, so a passing
// disturbance on the machine does not decide the ratio.
console.error(`generating / checking ${count(EXAMPLES)}-example files in .bench/ …`);
const main = await pairedExampleFiles(EXAMPLES, 200);
const mainArgs = ['--incumbent', main.incumbent, '--candidate', main.candidate];
const floors = [];
const gates = [];
for (let run = 0; run < RUNS; run++) {
  floors.push(floor([main.incumbent, main.candidate]));
  gates.push(gate(mainArgs, policy));
}
const report = JSON.parse(gates[0].stdout);
const floorTime = median(floors.map((m) => m.seconds));
const gateTime = median(gates.map((m) => m.seconds));
const gatePeak = Math.max(...gates.map((m) => m.peakMiB));
const label = `2 × ${count(EXAMPLES)} examples, ${report.summary.comparisons} comparisons`;
figure(
  `${label}: wall time (median of ${RUNS})`,
  s(gateTime),
  `floor ${s(floorTime)} (read + JSON.parse, one thread)`,
  `≤ 1.2× floor (now ${x(gateTime / floorTime)})`,
  gateTime <= 1.2 * floorTime,
);
figure(
  `${label}: peak RSS`,
  mib(gatePeak),
  `floor ${mib(Math.max(...floors.map((m) => m.peakMiB)))}`,
  '≤ 512 MiB',
  gatePeak <= 512,
);

// 4. Many cohorts: the same rows spread over 100,000 cohorts, so the report holds 300,000 comparisons.
if (!SKIP.has('100k')) {
  const cohorts = Math.round(EXAMPLES / 10);
  console.error(`generating / checking ${count(cohorts)}-cohort files …`);
  const wide = await pairedExampleFiles(EXAMPLES, cohorts);
  const paths = [wide.incumbent, wide.candidate];
  const base = floor(paths);
  const run = gate(['--incumbent', wide.incumbent, '--candidate', wide.candidate], policy);
  const wideLabel = `2 × ${count(EXAMPLES)} examples in ${count(cohorts)} cohorts, JSON report`;
  figure(`${wideLabel}: wall time`, s(run.seconds), `floor ${s(base.seconds)}`, 'none (for the record)', undefined);
  figure(`${wideLabel}: peak RSS`, mib(run.peakMiB), `floor ${mib(base.peakMiB)}`, '< 2048 MiB', run.peakMiB < 2048);
}

// 5. Linear in rows: five times the rows, at most 5.5 times the time, and about the same memory.
if (!SKIP.has('5m')) {
  console.error(`generating / checking ${count(5 * EXAMPLES)}-example files …`);
  const big = await pairedExampleFiles(5 * EXAMPLES, 200);
  const run = gate(['--incumbent', big.incumbent, '--candidate', big.candidate], policy);
  const bigLabel = `2 × ${count(5 * EXAMPLES)} examples`;
  figure(
    `${bigLabel}: wall time (1 run)`,
    s(run.seconds),
    `5 × the 1M gate time = ${s(5 * gateTime)}`,
    `≤ 5.5× the 1M gate time (now ${x(run.seconds / gateTime)})`,
    run.seconds <= 5.5 * gateTime,
  );
  figure(
    `${bigLabel}: peak RSS`,
    mib(run.peakMiB),
    `1M gate ${mib(gatePeak)}`,
    `≤ 1.25× the 1M peak (now ${x(run.peakMiB / gatePeak)})`,
    run.peakMiB <= 1.25 * gatePeak,
  );
  // What each further example pair costs: the figure to size a runner by (memory = base + rows × this).
  const perPair = ((run.peakMiB - gatePeak) * 1024 * 1024) / (4 * EXAMPLES);
  figure(
    `${bigLabel}: memory per further example pair`,
    `${perPair.toFixed(0)} B`,
    '-',
    'none (for the record)',
    undefined,
  );
}

const width = (key) => Math.max(key.length, ...rows.map((row) => row[key].length));
const columns = ['name', 'value', 'reference', 'target'];
const line = (cells, mark) => `${mark} ${columns.map((key, i) => cells[i].padEnd(width(key))).join('  ')}`;
console.log(
  `\nNode ${process.version}, ${(await import('node:os')).availableParallelism()} cores, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(line(['figure', 'value', 'floor / reference', 'target'], ' '));
for (const row of rows)
  console.log(
    line(
      columns.map((key) => row[key]),
      row.ok === undefined ? '·' : row.ok ? '✓' : '✗',
    ),
  );
const missed = rows.filter((row) => row.ok === false).length;
console.log(missed === 0 ? '\nall targets met' : `\n${missed} target(s) missed`);
process.exitCode = missed === 0 ? 0 : 1;
