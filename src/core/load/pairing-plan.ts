import type { ExampleColumns } from './example-columns.js';
import type { ExampleLayout } from '../input/example-layout.js';

/** A metric only one of the two files carries. */
export interface OneSidedMetric {
  readonly name: string;
  readonly kind: 'binary' | 'continuous';
}

/** Maps both files' metric columns onto the metrics they share, and holds the per-pair scratch arrays. */
interface PairingPlan {
  readonly binaryNames: string[];
  readonly continuousNames: string[];
  readonly quantileIndexes: ReadonlySet<number>;
  readonly onlyIn: { incumbent: OneSidedMetric[]; candidate: OneSidedMetric[] };
  readonly binaryIncumbent: Uint8Array;
  readonly binaryCandidate: Uint8Array;
  readonly continuousIncumbent: Float64Array;
  readonly continuousCandidate: Float64Array;
  fill(incumbent: ExampleColumns, i: number, candidate: ExampleColumns, c: number): void;
}

export function planPairing(
  incumbent: ExampleLayout,
  candidate: ExampleLayout,
  quantileMetrics: ReadonlySet<string>,
): PairingPlan {
  const binaryNames = incumbent.binaryMetrics.filter((m) => candidate.binaryMetrics.includes(m));
  const continuousNames = incumbent.continuousMetrics.filter((m) => candidate.continuousMetrics.includes(m));
  const oneSided = (own: ExampleLayout, other: ExampleLayout): OneSidedMetric[] => [
    ...own.binaryMetrics
      .filter((m) => !other.binaryMetrics.includes(m))
      .map((name) => ({ name, kind: 'binary' as const })),
    ...own.continuousMetrics
      .filter((m) => !other.continuousMetrics.includes(m))
      .map((name) => ({ name, kind: 'continuous' as const })),
  ];
  const binaryFromIncumbent = binaryNames.map((m) => incumbent.binaryMetrics.indexOf(m));
  const binaryFromCandidate = binaryNames.map((m) => candidate.binaryMetrics.indexOf(m));
  const continuousFromIncumbent = continuousNames.map((m) => incumbent.continuousMetrics.indexOf(m));
  const continuousFromCandidate = continuousNames.map((m) => candidate.continuousMetrics.indexOf(m));
  const widths = {
    incumbentBinary: incumbent.binaryMetrics.length,
    candidateBinary: candidate.binaryMetrics.length,
    incumbentContinuous: incumbent.continuousMetrics.length,
    candidateContinuous: candidate.continuousMetrics.length,
  };
  const plan: PairingPlan = {
    binaryNames,
    continuousNames,
    quantileIndexes: new Set(continuousNames.flatMap((m, i) => (quantileMetrics.has(m) ? [i] : []))),
    onlyIn: { incumbent: oneSided(incumbent, candidate), candidate: oneSided(candidate, incumbent) },
    binaryIncumbent: new Uint8Array(binaryNames.length),
    binaryCandidate: new Uint8Array(binaryNames.length),
    continuousIncumbent: new Float64Array(continuousNames.length),
    continuousCandidate: new Float64Array(continuousNames.length),
    fill(inc, i, cand, c) {
      for (let m = 0; m < binaryNames.length; m++) {
        plan.binaryIncumbent[m] = inc.binary[i * widths.incumbentBinary + (binaryFromIncumbent[m] as number)] as number;
        plan.binaryCandidate[m] = cand.binary[
          c * widths.candidateBinary + (binaryFromCandidate[m] as number)
        ] as number;
      }
      for (let m = 0; m < continuousNames.length; m++) {
        plan.continuousIncumbent[m] = inc.continuous[
          i * widths.incumbentContinuous + (continuousFromIncumbent[m] as number)
        ] as number;
        plan.continuousCandidate[m] = cand.continuous[
          c * widths.candidateContinuous + (continuousFromCandidate[m] as number)
        ] as number;
      }
    },
  };
  return plan;
}
