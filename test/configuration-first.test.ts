import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { runGate } from '../src/core/gate/run-gate.js';
import type { TextSource } from '../src/core/input/text-source.js';

/** An eval file that must not be read: configuration errors are reported before any eval file is opened. */
function untouchable(path: string): TextSource & { read: () => boolean } {
  let read = false;
  return {
    path,
    // eslint-disable-next-line require-yield -- reading at all is the failure this source detects
    async *chunks() {
      read = true;
      throw new Error(`${path} was read before the configuration was checked`);
    },
    sha256: () => '0'.repeat(64),
    read: () => read,
  };
}

const tool = { name: 'model-release-gate', version: 'test' };
const readiness = { today: '2026-12-01', evidenceExists: () => true, requireVerifiedWaiversByDefault: false };

describe('configuration is checked before any eval file is read', () => {
  it('a manifest typo is an input error naming the manifest, and neither eval file is opened', async () => {
    const incumbent = untouchable('incumbent.jsonl');
    const candidate = untouchable('candidate.jsonl');
    const manifest = {
      path: 'release.yml',
      text: 'model: {name: m, candidate: "2", incumbent: "1"}\nrisk_clas: high\n',
      sha256: 'm',
    };
    const error = await runGate({ incumbent, candidate, manifest, readiness, tool }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('release.yml');
    expect(incumbent.read() || candidate.read()).toBe(false);
  });

  it('a policy typo is an input error naming the policy, and neither eval file is opened', async () => {
    const incumbent = untouchable('incumbent.jsonl');
    const candidate = untouchable('candidate.jsonl');
    const policy = { path: 'policy.yml', text: 'alpah: 0.05\n', sha256: 'p' };
    const error = await runGate({ incumbent, candidate, policy, tool }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^policy\.yml, line 1/);
    expect(incumbent.read() || candidate.read()).toBe(false);
  });

  it('a bad traffic file is an input error naming it, and neither eval file is opened', async () => {
    const incumbent = untouchable('incumbent.jsonl');
    const candidate = untouchable('candidate.jsonl');
    const traffic = {
      path: 'traffic.json',
      text: '{"schema": "model-release-gate/traffic@1", "window": {"from": "2026-11-01", "to": "2026-11-30"}, "cohorts": {"region:eu": -3}}',
      sha256: 't',
    };
    const error = await runGate({ incumbent, candidate, traffic, readiness, tool }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).file).toBe('traffic.json');
    expect(incumbent.read() || candidate.read()).toBe(false);
  });
});
