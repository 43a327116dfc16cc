// The Node host both entries share: an unexpected failure is one escaped line (frames only when
// debugging), and a report path the file system refuses is an input error naming it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeHost } from '../src/adapters/node-host.js';
import { InputError } from '../src/core/errors.js';

const settings = { entryUrl: import.meta.url, evidenceRoot: '.', writing: 'write the test reports', debug: false };

async function failureOf(debug: boolean): Promise<{ message: string; frames: readonly string[] }> {
  let told: { message: string; frames: readonly string[] } | undefined;
  await createNodeHost({ ...settings, debug }).run(
    async () => {
      throw new TypeError('bad\n::error::injected\u001b[31m');
    },
    (message, frames) => void (told = { message, frames }),
  );
  if (told === undefined) throw new Error('the failure was not reported');
  return told;
}

describe('createNodeHost', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gate-host-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('reports an escaped failure as one line, and its frames only when debugging', async () => {
    const quiet = await failureOf(false);
    expect(quiet.message).toMatch(/^internal error: TypeError: bad/);
    expect(quiet.message).not.toContain('\n');
    expect(quiet.message).not.toContain('\u001b');
    expect(quiet.frames).toEqual([]);
    const debugging = await failureOf(true);
    expect(debugging.message).toBe(quiet.message);
    expect(debugging.frames.length).toBeGreaterThan(0);
    expect(debugging.frames.some((frame) => frame.includes('node-host.test.ts'))).toBe(true);
  });

  it('runs main and reports nothing when it succeeds', async () => {
    let ran = false;
    let failed = false;
    await createNodeHost(settings).run(
      async () => void (ran = true),
      () => void (failed = true),
    );
    expect([ran, failed]).toEqual([true, false]);
  });

  it('writes a report creating its directory; a refused path is an input error naming it', async () => {
    const { writeFile: write, readSmallFile, sha256 } = createNodeHost(settings).dependencies;
    const path = join(directory, 'a', 'b', 'report.json');
    await write(path, '{}\n');
    expect(await readFile(path, 'utf8')).toBe('{}\n');
    expect(await readSmallFile(path)).toEqual({ path, text: '{}\n', sha256: sha256('{}\n') });

    const file = join(directory, 'file');
    await writeFile(file, 'x');
    const error = await write(join(file, 'report.json'), '{}').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `${file}: cannot write the test reports: it exists and is not a directory`,
    );
  });

  it('looks evidence up under its root only', () => {
    const { evidenceExists } = createNodeHost({ ...settings, evidenceRoot: 'test' }).dependencies;
    expect(evidenceExists('node-host.test.ts')).toBe(true);
    expect(evidenceExists('../package.json')).toBe(false);
  });
});
