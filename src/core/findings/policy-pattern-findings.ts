import { parseLocated } from '../structured-text.js';
import { editDistance } from '../suggest-name.js';
import { globToRegExp, isLiteralPattern } from '../policy/glob.js';
import type { Policy } from '../policy/policy-schema.js';
import type { SourceFile } from '../source-file.js';
import type { Finding } from './finding.js';

/** Where the policy came from, to locate each pattern at its line when the text is known. */
export interface PolicySource {
  readonly file: string;
  readonly lineOf?: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
}

/** The policy file as runGate has it; 'policy' and no lines for the defaults. */
export function policySourceOf(file: SourceFile | undefined): PolicySource {
  if (file === undefined) return { file: 'policy' };
  return { file: file.path, lineOf: (path) => parseLocated(file.path, file.text).lineOf(path) };
}

const SUGGESTIONS = 3;

/**
 * A cohort pattern that matches no cohort in either file is almost always a mistake (`region:EU`
 * when the data says `region:eu`), and its effect is silent: a `track` list of such patterns gates
 * nothing but `overall`. Each one is a blocking `policy.pattern-matches-nothing` finding with the
 * nearest cohort names. A literal `required` cohort is left out: decideComparisons already gives it
 * a blocking `cohort.missing` row per metric, and one defect should be reported once.
 * With no cohort at all, nothing could match and `run.nothing-compared` says why.
 */
export function policyPatternFindings(policy: Policy, cohortNames: readonly string[], source: PolicySource): Finding[] {
  const names = [...new Set(cohortNames)].sort();
  if (names.length === 0) return [];
  const { cohorts } = policy;
  const keyed: Array<{ key: string; path: PropertyKey[]; pattern: string }> = [
    ...cohorts.track.map((pattern, index) => ({ key: 'cohorts.track', path: ['cohorts', 'track', index], pattern })),
    ...cohorts.required
      .filter((pattern) => !isLiteralPattern(pattern))
      .map((pattern) => ({
        key: 'cohorts.required',
        path: ['cohorts', 'required', cohorts.required.indexOf(pattern)],
        pattern,
      })),
    ...cohorts.ignore.map((pattern, index) => ({ key: 'cohorts.ignore', path: ['cohorts', 'ignore', index], pattern })),
    ...Object.keys(cohorts.overrides).map((pattern) => ({
      key: 'cohorts.overrides',
      path: ['cohorts', 'overrides', pattern],
      pattern,
    })),
  ];
  const findings: Finding[] = [];
  for (const { key, path, pattern } of keyed) {
    const matcher = globToRegExp(pattern);
    if (names.some((name) => matcher.test(name))) continue;
    const line = source.lineOf?.(path);
    findings.push({
      id: 'policy.pattern-matches-nothing',
      severity: 'block',
      message:
        `${key} pattern ${JSON.stringify(pattern)} matches no cohort in either eval file, so it has no effect ` +
        `(patterns are case-sensitive). Nearest cohort names: ${nearestNames(pattern, names)
          .map((n) => JSON.stringify(n))
          .join(', ')}`,
      file: source.file,
      ...(line === undefined ? {} : { line }),
    });
  }
  return findings;
}

/** Names the pattern matches ignoring case come first, then the rest by edit distance (case-insensitive). */
function nearestNames(pattern: string, names: readonly string[]): string[] {
  const caseless = globToRegExp(pattern, { ignoreCase: true });
  const lower = pattern.toLowerCase();
  return names
    .map((name) => ({ name, rank: caseless.test(name) ? -1 : editDistance(lower, name.toLowerCase()) }))
    .sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, SUGGESTIONS)
    .map(({ name }) => name);
}
