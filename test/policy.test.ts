import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohortSettings, metricSettings } from '../src/core/policy/effective-settings.js';
import { globToRegExp } from '../src/core/policy/glob.js';
import { defaultPolicy, parsePolicy } from '../src/core/policy/load-policy.js';
import { TOOL_VERSION } from '../src/version.js';

describe('policy', () => {
  it('has the documented defaults', () => {
    const policy = defaultPolicy();
    expect(policy.alpha).toBe(0.05);
    expect(policy.correction).toBe('holm');
    expect(policy.inconclusive).toBe('warn');
    expect(policy.cohorts).toEqual({
      track: ['*'],
      ignore: [],
      required: [],
      min_n: 1,
      rare_below: 200,
      overrides: {},
    });
    expect(metricSettings(policy, 'accuracy', 'binary')).toEqual({
      gated: true,
      direction: 'higher',
      margin: { kind: 'absolute', value: 0.01 },
      statistic: 'proportion',
    });
    expect(metricSettings(policy, 'grounded', 'binary').gated).toBe(true);
    expect(metricSettings(policy, 'latency_ms', 'continuous').gated).toBe(false);
  });

  it('keeps metrics and overrides named __proto__, constructor or prototype, and invents none', () => {
    const text = [
      'metrics:',
      '  __proto__: {margin: 0.05}',
      '  constructor: {margin: 0.1}',
      'cohorts:',
      '  overrides:',
      '    __proto__: {inconclusive: block}',
      '    prototype: {min_n: 7}',
      '',
    ].join('\n');
    const policy = parsePolicy('p.yml', text);
    expect(Object.keys(policy.metrics).sort()).toEqual(['__proto__', 'constructor']);
    expect(metricSettings(policy, '__proto__', 'binary').margin).toEqual({ kind: 'absolute', value: 0.05 });
    expect(metricSettings(policy, 'constructor', 'binary').margin).toEqual({ kind: 'absolute', value: 0.1 });
    expect(Object.keys(policy.cohorts.overrides).sort()).toEqual(['__proto__', 'prototype']);
    // A continuous metric the policy does not name is reported, not gated, whatever its name.
    for (const name of ['toString', 'hasOwnProperty', 'valueOf'])
      expect(metricSettings(defaultPolicy(), name, 'continuous').gated).toBe(false);
  });

  it('parses relative margins and named continuous metrics', () => {
    const policy = parsePolicy('p.yml', 'metrics:\n  latency_ms: {direction: lower, statistic: p95, margin: "10%"}\n');
    expect(metricSettings(policy, 'latency_ms', 'continuous')).toEqual({
      gated: true,
      direction: 'lower',
      margin: { kind: 'relative', value: 0.1 },
      statistic: 'p95',
    });
  });

  it('applies cohort overrides in order, and a required cohort is always tracked', () => {
    const policy = parsePolicy(
      'p.yml',
      [
        'inconclusive: warn',
        'cohorts:',
        '  track: ["region:*"]',
        '  ignore: ["label:*"]',
        '  required: ["label:charge"]',
        '  overrides:',
        '    "label:*": {inconclusive: block, min_n: 50}',
        '    "label:charge": {metrics: {accuracy: {margin: 0.05}}}',
        '',
      ].join('\n'),
    );
    const charge = cohortSettings(policy, 'label:charge');
    expect(charge.tracked).toBe(true);
    expect(charge.required).toBe(true);
    expect(charge.inconclusive).toBe('block');
    expect(charge.minN).toBe(50);
    expect(charge.marginFor('accuracy', { kind: 'absolute', value: 0.01 })).toEqual({ kind: 'absolute', value: 0.05 });
    expect(cohortSettings(policy, 'label:other').tracked).toBe(false);
    expect(cohortSettings(policy, 'region:eu').tracked).toBe(true);
    expect(cohortSettings(policy, 'lang:en').tracked).toBe(false);
    expect(cohortSettings(policy, 'overall').tracked).toBe(true);
  });

  it('globs treat : and / as ordinary characters and everything else literally', () => {
    expect(globToRegExp('label:*').test('label:a/b')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(globToRegExp('r?gion').test('region')).toBe(true);
    expect(globToRegExp('(x)+').test('(x)+')).toBe(true);
  });

  it('keeps the tool version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(TOOL_VERSION).toBe(pkg.version);
  });
});
