// Writes the example eval results in examples/ (deterministic: a fixed-seed generator).
// A fraud classifier scored on 6,000 transactions: regions, a rare class, and a tiny Icelandic cohort.
//   examples/incumbent.jsonl, examples/candidate.jsonl          → warn (lang:is is too small to tell)
//   examples/blocked/candidate.jsonl                              → block (label:chargeback regresses while overall improves)
import { mkdirSync, writeFileSync } from 'node:fs';
import { rng } from './seeded-random.js';

const random = rng(20261123);
const regions = ['region:eu', 'region:na', 'region:apac', 'region:latam'];
const examples = [];
for (let i = 0; i < 6000; i++) {
  const u = random();
  const label = u < 0.05 ? 'chargeback' : u < 0.2 ? 'fraud' : 'legit';
  const cohorts = [regions[Math.floor(random() * regions.length)]];
  if (i < 40) cohorts.push('lang:is');
  cohorts.push(random() < 0.3 ? 'channel:mobile' : 'channel:web');
  const accuracy = label === 'chargeback' ? 0.9 : label === 'fraud' ? 0.86 : 0.93;
  examples.push({
    id: `txn-${String(i).padStart(5, '0')}`,
    label,
    cohorts,
    accuracy,
    latency: 80 + random() * 60 + (random() < 0.05 ? 150 : 0),
  });
}

const other = (label) => (label === 'legit' ? 'fraud' : 'legit');

function line(example, correct, latency, grounded) {
  return JSON.stringify({
    id: example.id,
    cohorts: example.cohorts,
    label: example.label,
    prediction: correct ? example.label : other(example.label),
    checks: { calibrated: grounded },
    metrics: { latency_ms: Math.round(latency * 10) / 10 },
  });
}

const incumbent = [];
const candidate = [];
const blocked = [];
let icelandicDrops = 0;
for (const example of examples) {
  const right = random() < example.accuracy;
  const calibrated = random() < 0.97;
  incumbent.push(line(example, right, example.latency, calibrated));
  // The candidate fixes some of the incumbent's errors and keeps the rest, as a better version does.
  let candidateRight = right || random() < 0.25;
  // In lang:is it loses two examples the incumbent got right: a 5-point drop on 40 examples.
  if (example.cohorts.includes('lang:is') && right && icelandicDrops < 2) {
    candidateRight = false;
    icelandicDrops++;
  }
  const candidateLatency = example.latency * (0.97 + random() * 0.04);
  candidate.push(line(example, candidateRight, candidateLatency, calibrated || random() < 0.2));
  // The blocked candidate: better elsewhere, but it loses a tenth of the chargebacks it used to catch.
  const blockedRight = example.label === 'chargeback' ? right && random() >= 0.12 : candidateRight;
  blocked.push(line(example, blockedRight, candidateLatency, calibrated || random() < 0.2));
}

mkdirSync('examples/blocked', { recursive: true });
writeFileSync('examples/incumbent.jsonl', `${incumbent.join('\n')}\n`);
writeFileSync('examples/candidate.jsonl', `${candidate.join('\n')}\n`);
writeFileSync('examples/blocked/candidate.jsonl', `${blocked.join('\n')}\n`);
