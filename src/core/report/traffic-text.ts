import { escapeOutput } from '../escape-output.js';
import type { TrafficDimension } from '../traffic/traffic-report.js';
import type { GateReport } from './report.js';
import {
  TRAFFIC_HEADING,
  chiSquarePhrase,
  notWeightedGroups,
  psiPhrase,
  resultPhrase,
  sharePhrase,
  weightedResults,
  windowPhrase,
} from './traffic-phrases.js';

/** Names listed per state before the rest are counted: the text output stays a few lines. */
const NAMES_SHOWN = 3;

/**
 * The text output's "Does the eval look like production?": the window, then per dimension one line
 * for the mix (PSI, chi-square, absent and thin cohorts) and one for the traffic-weighted results
 * beside the eval-mix overall. Empty without a traffic file. Input strings go through escapeOutput.
 */
export function trafficTextLines(report: GateReport): string[] {
  const traffic = report.traffic;
  if (traffic === null) return [];
  const rows = [`production's mix: ${escapeOutput(traffic.file.path)}, ${windowPhrase(traffic)}`];
  for (const d of traffic.dimensions) {
    rows.push(`${escapeOutput(d.dimension)}: ${mixPhrase(d)}`);
    const weighted = weightedResults(d, report.comparisons);
    const results = [
      ...weighted
        .filter((r) => r.reason === null)
        .map(
          (r) =>
            `${escapeOutput(r.metric)} ${resultPhrase(r.weighted, false)} on production's mix, ${resultPhrase(r.overall, false)} on the eval's`,
        ),
      ...notWeightedGroups(weighted).map(
        ({ metrics, reason }) => `${metrics.map(escapeOutput).join(', ')} not weighted (${escapeOutput(reason)})`,
      ),
    ];
    if (results.length > 0) rows.push(`${escapeOutput(d.dimension)} traffic-weighted: ${results.join('; ')}`);
  }
  if (traffic.dimensions_not_in_traffic.length > 0)
    rows.push(`not in the traffic file (mix not checked): ${listed(traffic.dimensions_not_in_traffic)}`);
  return ['', TRAFFIC_HEADING, ...rows.map((row) => `  ${row}`)];
}

function mixPhrase(d: TrafficDimension): string {
  const parts = [
    d.psi === null
      ? 'fewer than two cohorts to compare'
      : `PSI ${psiPhrase(d.psi)}${d.mix_shift ? ' (mix shifted)' : ''}, ${chiSquarePhrase(d.chi_square)}`,
  ];
  const absent = d.cohorts.filter((row) => row.state === 'absent');
  if (absent.length > 0)
    parts.push(
      `absent: ${listed(absent.map((row) => `${row.cohort} (eval ${sharePhrase(row.eval_share)}, production ${sharePhrase(row.production_share)})`))}`,
    );
  const thin = d.cohorts.filter((row) => row.state === 'thin').map((row) => row.cohort);
  if (thin.length > 0) parts.push(`thin: ${listed(thin)}`);
  return parts.join('; ');
}

/** The first few names, escaped, then how many more. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).map(escapeOutput).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}
