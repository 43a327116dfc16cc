import type { Margin, Policy } from '../policy/policy-schema.js';
import { escapeMarkdown } from '../report/escape-markdown.js';
import { formatCount } from '../format-number.js';
import { VERDICT_ICON, VERDICT_WORD, countsLine, modelNames, modelsPhrase, verdictLineOf } from '../report/headline.js';
import { cell, renderRiskAssessment, renderSignOff, renderTestEvidence } from './package-markdown-sections.js';
import type { ValidationPackage } from './validation-package.js';
import { trafficMarkdownLines } from '../report/traffic-markdown-section.js';

/**
 * validation-package.md: the package for people, in the four parts a regulated sign-off consumes
 * (requirements, test evidence, risk assessment, sign-off) after a header with the verdict and where
 * it came from. Unlike report.md nothing is truncated or folded away: this is the complete record,
 * read once, carefully, by someone who was not there. Every string that came from an input goes
 * through escapeMarkdown.
 */
export function renderValidationMarkdown(pkg: ValidationPackage): string {
  return [
    ...renderHeader(pkg),
    ...renderRequirements(pkg),
    ...renderTestEvidence(pkg),
    ...(pkg.test_evidence.traffic === null
      ? []
      : trafficMarkdownLines(pkg.test_evidence.traffic, pkg.test_evidence.comparisons)),
    ...renderRiskAssessment(pkg),
    ...renderSignOff(pkg),
  ].join('\n');
}

function renderHeader(pkg: ValidationPackage): string[] {
  const p = pkg.provenance;
  const pr = p.pull_request;
  const lines = [
    `# Validation package: ${VERDICT_ICON[pkg.verdict]} ${VERDICT_WORD[pkg.verdict]}`,
    '',
    `**${verdictLineOf(pkg.verdict, pkg.summary.reason)}**`,
    '',
    modelsPhrase(modelNames(p.release, p.inputs), (name) => `**${cell(name)}**`),
    '',
    countsLine(pkg.summary.counts),
    '',
    '| | |',
    '|---|---|',
    `| Tool | ${cell(p.tool.name)} ${cell(p.tool.version)} |`,
    `| Repository | ${orUnknown(p.repository)} |`,
    `| Commit judged | ${orUnknown(p.commit)} |`,
    `| Pull request | ${pr === null ? 'none' : `number ${pr.number}${pr.author === null ? '' : ` by ${cell(pr.author)}`}: ${cell(pr.base_ref)} ${cell(pr.base_sha)} ← ${cell(pr.head_sha)}`} |`,
    `| Run | ${p.run === null ? 'unknown (local run)' : `${cell(p.run.id)}${p.run.attempt === null ? '' : ` attempt ${cell(p.run.attempt)}`}: ${cell(p.run.url, 500)}`} |`,
    `| Time | ${cell(p.time)} |`,
    `| Package schema | \`${pkg.schema}\` |`,
    '',
    '### Inputs',
    '',
    '| input | path | sha256 | format | examples | model | dataset |',
    '|---|---|---|---|---:|---|---|',
  ];
  for (const [role, input] of [
    ['incumbent', p.inputs.incumbent],
    ['candidate', p.inputs.candidate],
  ] as const) {
    const model = input.model === null ? '–' : `${cell(input.model.name)} ${cell(input.model.version)}`;
    const d = input.dataset;
    const dataset =
      d === null
        ? '–'
        : [
            cell(d.name),
            d.version === undefined ? '' : cell(d.version),
            d.sha256 === undefined ? '' : `sha256 ${cell(d.sha256)}`,
          ]
            .filter((s) => s !== '')
            .join(' ');
    lines.push(
      `| ${role} | ${cell(input.path, 500)} | ${cell(input.sha256)} | ${input.format} | ${input.examples === null ? '–' : formatCount(input.examples)} | ${model} | ${dataset} |`,
    );
  }
  const policy = p.inputs.policy;
  const from = `read from ${policy.origin}${policy.commit === null ? '' : ` at ${cell(policy.commit)}`}${policy.changed_in_pull_request ? '; **changed in this pull request: the change applies once merged**' : ''}`;
  lines.push(
    `| policy | ${policy.path === null ? 'none (defaults)' : cell(policy.path, 500)} | ${orUnknown(policy.sha256)} | yaml | – | – | ${from} |`,
  );
  const manifest = p.inputs.manifest;
  lines.push(
    `| manifest | ${manifest === null ? 'none' : cell(manifest.path, 500)} | ${manifest === null ? '–' : cell(manifest.sha256)} | yaml | – | – | – |`,
  );
  const traffic = p.inputs.traffic;
  // Only with a traffic file: the record of a run without one reads as it always has.
  if (traffic !== null)
    lines.push(
      `| traffic | ${cell(traffic.path, 500)} | ${cell(traffic.sha256)} | traffic@1 | – | – | production's cohort counts, window ${cell(traffic.window.from)} to ${cell(traffic.window.to)} |`,
    );
  lines.push('');
  return lines;
}

function renderRequirements(pkg: ValidationPackage): string[] {
  const { policy, risk_class: riskClass, readiness_required: required } = pkg.requirements;
  const lines = [
    '## 1 Requirements',
    '',
    'The policy applied, in full. A comparison passes when its one-sided lower bound of Δ (candidate − incumbent, positive is better) lies above −margin.',
    '',
    '| setting | value |',
    '|---|---|',
    `| alpha (one-sided) | ${policy.alpha} |`,
    `| multiplicity correction | ${policy.correction} |`,
    `| an inconclusive comparison | ${policy.inconclusive}s |`,
    `| power for the minimum detectable effect | ${policy.power} |`,
    `| ids in one file only | ${policy.unmatched_ids} |`,
    `| bootstrap | ${policy.bootstrap.resamples} resamples, seed ${cell(policy.bootstrap.seed)} |`,
    '',
    '### Metrics',
    '',
  ];
  const metrics = Object.entries(policy.metrics);
  if (metrics.length === 0) lines.push('No metric settings: every metric with the defaults.', '');
  else {
    lines.push(
      '| metric | direction | margin (tolerated drop) | statistic | gates the verdict |',
      '|---|---|---|---|---|',
    );
    for (const [name, m] of metrics) {
      lines.push(
        `| ${cell(name)} | ${m.direction ?? 'default'} | ${m.margin === undefined ? 'default' : marginText(m.margin)} | ${m.statistic ?? 'default'} | ${m.gate === false ? 'no (reported only)' : 'yes'} |`,
      );
    }
    lines.push('');
  }
  lines.push(...renderCohortSettings(policy));
  lines.push('### Readiness', '');
  lines.push(
    riskClass === null
      ? 'No release manifest: no readiness items were checked.'
      : `Risk class **${cell(riskClass)}** requires: ${required.length === 0 ? 'no items' : required.join(', ')}.`,
    '',
  );
  const r = policy.readiness;
  const drill = r.drill_max_age_days;
  lines.push(
    '| setting | value |',
    '|---|---|',
    `| manifest required | ${r.require_manifest ? 'yes' : 'no'} |`,
    `| required items per risk class | low: ${r.required.low.join(', ') || 'none'}; medium: ${r.required.medium.join(', ') || 'none'}; high: ${r.required.high.join(', ') || 'none'} |`,
    `| largest first rollout stage | ${r.first_stage_max}% |`,
    `| oldest rollback drill (days) | low ${drill.low}, medium ${drill.medium}, high ${drill.high} |`,
    `| load test multiple of peak | ${r.load_test_min_multiple} |`,
    `| longest waiver (days) | ${r.waiver_max_days} |`,
    `| waivers need a verified approval | ${r.require_verified_waivers === undefined ? `caller default (this run: ${pkg.sign_off.waivers_require_verification ? 'yes' : 'no'})` : r.require_verified_waivers ? 'yes' : 'no'} |`,
    '',
  );
  return lines;
}

function renderCohortSettings(policy: Policy): string[] {
  const c = policy.cohorts;
  const list = (patterns: readonly string[]): string =>
    patterns.length === 0 ? 'none' : patterns.map((p) => cell(p)).join(', ');
  const lines = [
    '### Cohorts',
    '',
    '| setting | value |',
    '|---|---|',
    `| tracked | ${list(c.track)} |`,
    `| ignored | ${list(c.ignore)} |`,
    `| required (missing blocks) | ${list(c.required)} |`,
    `| minimum examples to test | ${c.min_n} |`,
    `| rare below | ${c.rare_below} examples |`,
    '',
  ];
  const overrides = Object.entries(c.overrides);
  if (overrides.length > 0) {
    lines.push('| cohort override | if inconclusive | min n | margins |', '|---|---|---:|---|');
    for (const [pattern, o] of overrides) {
      const margins = Object.entries(o.metrics ?? {}).map(([metric, m]) => `${cell(metric)}: ${marginText(m.margin)}`);
      lines.push(`| ${cell(pattern)} | ${o.inconclusive ?? '–'} | ${o.min_n ?? '–'} | ${margins.join('; ') || '–'} |`);
    }
    lines.push('');
  }
  return lines;
}

function marginText(margin: Margin): string {
  return margin.kind === 'absolute'
    ? `${margin.value} (absolute, in the metric's unit)`
    : `${Number((margin.value * 100).toPrecision(12))}% of the incumbent's value`;
}

function orUnknown(text: string | null): string {
  return text === null ? 'unknown' : escapeMarkdown(text, 500);
}
