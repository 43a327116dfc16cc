import type { ReadinessRule } from '../readiness-types.js';
import { consistencyRule } from './consistency-rule.js';
import { evalCoverageRule } from './eval-coverage-rule.js';
import { killSwitchRule } from './kill-switch-rule.js';
import { loadTestRule } from './load-test-rule.js';
import { monitoringRule } from './monitoring-rule.js';
import { ownersRule } from './owners-rule.js';
import { rolloutRule } from './rollout-rule.js';

/** The readiness checklist, in the order it is shown: who answers, how it ships, how it is undone, watched, sized, evaluated. */
export const READINESS_RULES: readonly ReadinessRule[] = [
  ownersRule,
  rolloutRule,
  killSwitchRule,
  monitoringRule,
  loadTestRule,
  evalCoverageRule,
  consistencyRule,
];
