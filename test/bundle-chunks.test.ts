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

/**
 * The chunk ids a bundle asks for with a lazy import (`__nccwpck_require__.e(<id>)`, webpack may put a
 * comment before the id), in its main file or in its chunks (a module two lazy imports share).
 */
function requestedChunkIds(dir: string, chunks: readonly string[]): string[] {
  const text = ['index.js', ...chunks].map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
  const ids = [...text.matchAll(/__nccwpck_require__\.e\((?:\/\*.*?\*\/ )?(\d+)\)/g)].map((m) => m[1] as string);
  return [...new Set(ids)].sort();
}

describe('the Action bundle and its chunks', () => {
  it('has exactly the chunk files the bundle asks for, and each one loads', async () => {
    const requested = requestedChunkIds(DIST, chunkFiles);
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

describe('the CLI bundle and its chunks', () => {
  const CLI_DIST = join(DIST, 'cli');
  const cliChunks = readdirSync(CLI_DIST)
    .filter((file) => /^\d+\.index\.js$/.test(file))
    .map((file) => file.replace('.index.js', ''))
    .sort();

  it('loads each renderer from its chunk only for the format that prints it, and the package renderers for --out', async () => {
    const requested = requestedChunkIds(
      CLI_DIST,
      cliChunks.map((id) => `${id}.index.js`),
    );
    expect(cliChunks).toEqual(requested);
    expect(cliChunks.length).toBeGreaterThanOrEqual(3);
    const out = mkdtempSync(join(tmpdir(), 'mrg-cli-chunks-'));
    const pair = [
      '--incumbent',
      'examples/pass/incumbent.jsonl',
      '--candidate',
      'examples/pass/candidate.jsonl',
      '--policy',
      'examples/policy.yml',
    ];
    const env = { PATH: process.env.PATH ?? '' };
    const runs = await Promise.all(
      [
        ['--format', 'markdown'],
        ['--format', 'text'],
        ['--format', 'comment'],
        ['--format', 'json', '--out', out],
      ].map((extra) => runNode([join(CLI_DIST, 'index.js'), 'check', ...pair, ...extra], env)),
    );
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|internal error/);
      expect(run.status).toBe(0);
    }
    expect(runs[0]?.stdout).toMatch(/^## ✅ PASS/m);
    expect(runs[1]?.stdout).toMatch(/^PASS — the candidate may ship/);
    expect(runs[2]?.stdout).toMatch(/^<!-- model-release-gate:default -->/);
    expect(JSON.parse(runs[3]?.stdout ?? '')).toMatchObject({ verdict: 'pass' });
    expect(readdirSync(out).sort()).toEqual([
      'report.html',
      'report.json',
      'report.md',
      'validation-package.json',
      'validation-package.md',
    ]);
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
