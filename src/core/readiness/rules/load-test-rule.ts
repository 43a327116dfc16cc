import type { Finding } from '../../findings/finding.js';
import type { ReadinessRule } from '../readiness-types.js';
import { isRequired, manifestFinding, notRequired, outcome } from '../rule-helpers.js';
import { evidencePathFinding } from './evidence-path.js';

const ID = 'load_test';
const TITLE = 'Load tested at peak multiple';

/**
 * A model that is fine at average load can become the bottleneck of the whole product at peak
 * (cold starts, memory, batching), so the serving path is tested above expected peak traffic.
 */
export const loadTestRule: ReadinessRule = (context) => {
  const loadTest = context.document.manifest.load_test;
  const required = isRequired(context, 'load_test');
  const item = { id: ID, title: TITLE, required, path: ['load_test'] } as const;
  const minimum = context.policy.load_test_min_multiple;

  if (loadTest === undefined) {
    if (!required) return notRequired(context, ID, TITLE);
    return outcome(context, { ...item, evidence: null }, [
      manifestFinding(
        context,
        'load-test.missing',
        `the manifest has no load_test section, which ${context.document.manifest.risk_class}-risk releases require: load test the serving path at ${minimum}× expected peak traffic or more and record peak_multiple and the evidence.`,
        ['load_test'],
      ),
    ]);
  }

  const findings: Finding[] = [];
  if (loadTest.peak_multiple < minimum) {
    findings.push(
      manifestFinding(
        context,
        'load-test.insufficient',
        `the load test covered ${loadTest.peak_multiple}× expected peak traffic; the policy asks for at least ${minimum}×: test again at ${minimum}× or more and update load_test.peak_multiple.`,
        ['load_test', 'peak_multiple'],
      ),
    );
  }
  if (loadTest.evidence === undefined) {
    findings.push(
      manifestFinding(
        context,
        'load-test.no-evidence',
        'load_test.evidence is not set: link the load-test report (a file in the repository or an https:// link), so a reviewer can see the test was run at the stated multiple.',
        ['load_test', 'evidence'],
      ),
    );
  } else {
    const finding = evidencePathFinding(context, 'load-test', loadTest.evidence, ['load_test', 'evidence']);
    if (finding !== undefined) findings.push(finding);
  }
  const evidence = `${loadTest.peak_multiple}× expected peak, ${loadTest.evidence === undefined ? 'no report' : 'report linked'}`;
  return outcome(context, { ...item, evidence }, findings);
};
