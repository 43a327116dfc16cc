// npm run bench: the gate on two paired files of 1,000,000 examples each (about 200 cohorts,
// accuracy + one check + latency p95), against a floor program that only reads and JSON.parses the
// same files line by line. Prints wall time and peak RSS of each, measured in the same run.
//   BENCH_EXAMPLES=200000 npm run bench   for a quicker run
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';

const EXAMPLES = Number(process.env.BENCH_EXAMPLES ?? 1_000_000);
const COHORTS = 200;
const dir = '.bench';
const incumbentPath = `${dir}/incumbent-${EXAMPLES}.jsonl`;
const candidatePath = `${dir}/candidate-${EXAMPLES}.jsonl`;
const policyPath = `${dir}/policy.yml`;

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate() {
  mkdirSync(dir, { recursive: true });
  if (existsSync(incumbentPath) && existsSync(candidatePath)) return;
  const random = rng(7);
  const incumbent = createWriteStream(incumbentPath);
  const candidate = createWriteStream(candidatePath);
  const write = async (stream, text) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  for (let i = 0; i < EXAMPLES; i++) {
    const cohort = `segment:${String(Math.floor(random() * COHORTS)).padStart(3, '0')}`;
    const label = random() < 0.1 ? 'positive' : 'negative';
    const right = random() < 0.9;
    const candidateRight = right || random() < 0.1;
    const grounded = random() < 0.95;
    const latency = 50 + random() * 100;
    const record = (r, g, l) =>
      `${JSON.stringify({ id: `ex-${i}`, cohorts: [cohort], label, prediction: r ? label : label === 'positive' ? 'negative' : 'positive', checks: { grounded: g }, metrics: { latency_ms: Math.round(l * 100) / 100 } })}\n`;
    await write(incumbent, record(right, grounded, latency));
    await write(candidate, record(candidateRight, grounded || random() < 0.2, latency * (0.95 + random() * 0.05)));
  }
  incumbent.end();
  candidate.end();
  await Promise.all([once(incumbent, 'finish'), once(candidate, 'finish')]);
}

const FLOOR = `
import { createReadStream } from 'node:fs';
let records = 0;
for (const path of process.argv.slice(1)) {
  let pending = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    pending += chunk;
    let start = 0;
    let newline;
    while ((newline = pending.indexOf('\\n', start)) !== -1) {
      const line = pending.slice(start, newline);
      if (line.length > 0) { JSON.parse(line); records++; }
      start = newline + 1;
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) { JSON.parse(pending); records++; }
}
process.stdout.write(String(records) + '\\n');
`;

// Prints the child's own peak RSS on exit, so each program's memory is measured separately.
const REPORT_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("MAXRSS_KB "+process.resourceUsage().maxRSS+"\\n"))';

function measure(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', REPORT_RSS, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /MAXRSS_KB (\d+)/.exec(result.stderr);
  if (rss === null) throw new Error(`no RSS reported: ${result.stderr}`);
  return {
    seconds,
    peakMiB: Number(rss[1]) / 1024,
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

await generate();
writeFileSync(
  policyPath,
  'metrics:\n  latency_ms: {direction: lower, statistic: p95, margin: "10%"}\ncohorts:\n  min_n: 30\n',
);

// The two programs run alternately, RUNS times each, and the medians are compared, so a passing
// disturbance on the machine does not decide the ratio.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const floors = [];
const gates = [];
let report;
for (let run = 0; run < RUNS; run++) {
  floors.push(measure(['--input-type=module', '-e', FLOOR, incumbentPath, candidatePath]));
  const gate = measure([
    'dist/cli/index.js',
    'check',
    '--incumbent',
    incumbentPath,
    '--candidate',
    candidatePath,
    '--policy',
    policyPath,
    '--format',
    'json',
  ]);
  if (gate.status !== 0 && gate.status !== 1) throw new Error(`the gate failed (exit ${gate.status}): ${gate.stderr}`);
  report ??= JSON.parse(gate.stdout);
  gates.push(gate);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const floorSeconds = median(floors.map((m) => m.seconds));
const gateSeconds = median(gates.map((m) => m.seconds));
const gatePeak = Math.max(...gates.map((m) => m.peakMiB));
const runs = (list) => list.map((m) => m.seconds.toFixed(2)).join(', ');

console.log(
  `examples per file:   ${EXAMPLES.toLocaleString('en-US')} (${COHORTS} segment cohorts + overall + 2 label cohorts)`,
);
console.log(`comparisons:         ${report.summary.comparisons} (verdict ${report.verdict})`);
console.log(
  `floor (read + JSON.parse both files, one thread): median ${floorSeconds.toFixed(2)} s of ${runs(floors)}; peak RSS ${Math.max(...floors.map((m) => m.peakMiB)).toFixed(0)} MiB`,
);
console.log(
  `gate  (dist/cli/index.js check):                  median ${gateSeconds.toFixed(2)} s of ${runs(gates)}; peak RSS ${gatePeak.toFixed(0)} MiB`,
);
console.log(`gate / floor time:   ${(gateSeconds / floorSeconds).toFixed(2)}× (target ≤ 2×)`);
console.log(`gate peak RSS:       ${gatePeak.toFixed(0)} MiB (target ≤ 1024 MiB)`);
