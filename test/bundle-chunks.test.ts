// The Action bundle loads the artifact client and the GitHub client from chunk files on first use
// (dist/<id>.index.js). These checks catch a chunk that is missing, stale, or fails to load once
// bundled: the unit tests run the source, where a lazy import cannot go wrong in these ways.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = resolve('dist');
const chunkFiles = readdirSync(DIST)
  .filter((file) => /^\d+\.index\.js$/.test(file))
  .sort();

/** The chunk ids the main bundle asks for with a lazy import (`__nccwpck_require__.e(<id>)`). */
function requestedChunkIds(): string[] {
  const main = readFileSync(join(DIST, 'index.js'), 'utf8');
  return [...new Set([...main.matchAll(/__nccwpck_require__\.e\((\d+)\)/g)].map((m) => m[1] as string))].sort();
}

describe('the Action bundle and its chunks', () => {
  it('has exactly the chunk files the bundle asks for, and each one loads', async () => {
    const requested = requestedChunkIds();
    // The artifact client and the GitHub client each load from a chunk.
    expect(requested.length).toBeGreaterThanOrEqual(2);
    expect(chunkFiles.map((file) => file.replace('.index.js', ''))).toEqual(requested);
    // Imported by a plain Node process, as the bundle imports them (vitest's own loader is slow on 4 MB files).
    const loaded = await runNode(
      [
        '--input-type=module',
        '-e',
        `for (const file of ${JSON.stringify(chunkFiles)}) {
          const chunk = await import(${JSON.stringify(pathToFileURL(DIST).href)} + '/' + file);
          console.log(JSON.stringify({ file, ids: chunk.ids, modules: Object.keys(chunk.modules).length }));
        }`,
      ],
      { PATH: process.env.PATH ?? '' },
    );
    expect(loaded.stderr).toBe('');
    const chunks = loaded.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; ids: number[]; modules: number });
    expect(chunks.map((chunk) => chunk.file)).toEqual(chunkFiles);
    for (const chunk of chunks) {
      expect(chunk.ids).toEqual([Number(chunk.file.replace('.index.js', ''))]);
      expect(chunk.modules).toBeGreaterThan(0);
    }
  });

  it('loads the artifact client when the validation package is uploaded, and reports its failure by class', async () => {
    // Not on a runner: no runtime token, so the upload fails after the chunk has loaded. On a GitHub
    // Enterprise Server the client refuses first, with an error recognised by its class.
    const [offRunner, enterprise] = await Promise.all([
      runBundledUpload({ GITHUB_SERVER_URL: 'https://github.com' }),
      runBundledUpload({ GITHUB_SERVER_URL: 'https://github.acme.example' }),
    ]);
    for (const run of [offRunner, enterprise]) {
      expect(run.stdout + run.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|is not a constructor/);
      expect(run.status).toBe(0);
    }
    expect(offRunner.stdout).toMatch(
      /::warning::could not upload the validation package as artifact model-release-gate-default: Unable to get the ACTIONS_RUNTIME_TOKEN env variable\. the artifact service is only reachable from a GitHub Actions job\./,
    );
    expect(enterprise.stdout).toMatch(
      /::warning::could not upload the validation package .*GitHub Enterprise Server does not offer this artifact service: set upload-artifact: false/,
    );
  });
});

function runBundledUpload(
  extraEnv: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mrg-chunks-'));
  writeFileSync(join(dir, 'output'), '');
  writeFileSync(join(dir, 'summary.md'), '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    RUNNER_TEMP: dir,
    GITHUB_REPOSITORY: 'acme/fraud',
    INPUT_INCUMBENT: 'examples/pass/incumbent.jsonl',
    INPUT_CANDIDATE: 'examples/pass/candidate.jsonl',
    INPUT_POLICY: 'examples/policy.yml',
    'INPUT_GITHUB-TOKEN': 'not-a-real-token',
    ...extraEnv,
  };
  return runNode([join(DIST, 'index.js')], env);
}

function runNode(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
