// The Action's entry: adds what is the Action's own (@actions/core's inputs, outputs, log and summary;
// the GitHub API) to the shared Node host and runs. Started again as a worker, it does that worker's
// task instead.
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGitHubPlatform } from './adapters/github/platform.js';
import { readRunnerEnvironment } from './adapters/github/runner-environment.js';
import { createNodeHost } from './adapters/node-host.js';
import { runAction } from './action/run-action.js';
import { escapedRunnerMessages } from './core/escape-output.js';

const host = createNodeHost({
  entryUrl: import.meta.url,
  evidenceRoot: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  writing: 'write the validation package (the out-dir input)',
  // The stack of an unexpected failure: with MRG_DEBUG=1, or the runner's step debug logging.
  debug: process.env.MRG_DEBUG === '1' || core.isDebug(),
});

await host.run(
  () =>
    runAction({
      ...host.dependencies,
      getInput: (name) => core.getInput(name),
      setOutput: (name, value) => core.setOutput(name, value),
      writeSummary: async (markdown) => {
        await core.summary.addRaw(markdown).write({ overwrite: true });
      },
      // Every message quotes input: escaped so that no line it prints can be a runner command.
      ...escapedRunnerMessages({
        setFailed: (m) => core.setFailed(m),
        warning: (m) => core.warning(m),
        info: (m) => core.info(m),
      }),
      annotate: ({ level, title, message, file, line }) => {
        const properties = {
          title,
          ...(file === undefined ? {} : { file }),
          ...(line === undefined ? {} : { startLine: line }),
        };
        if (level === 'error') core.error(message, properties);
        else if (level === 'warning') core.warning(message, properties);
        else core.notice(message, properties);
      },
      defaultOutDir: join(process.env.RUNNER_TEMP ?? tmpdir(), 'model-release-gate'),
      connectPlatform: ({ token, commentAuthor }) => {
        const environment = readRunnerEnvironment(process.env);
        if (token === '' || environment.repository === null) return undefined;
        return createGitHubPlatform(token, environment, { log: (m) => core.debug(m), commentAuthor });
      },
    }),
  // Anything unexpected fails the step: an error is never a pass. The lines are escaped already.
  (message, frames) => {
    core.setOutput('verdict', 'error');
    core.setFailed(message);
    for (const frame of frames) core.info(frame);
  },
);
