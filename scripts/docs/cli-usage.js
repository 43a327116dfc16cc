// The CLI's usage text, printed by the CLI's own code from src/cli/run-cli.ts (through `--help`).
import { importTypeScript } from './load-ts.js';

export async function cliUsage(root) {
  const [cli] = await importTypeScript(root, ['src/cli/run-cli.ts']);
  let out = '';
  let err = '';
  const sink = { stdout: (text) => (out += text), stderr: (text) => (err += text), tool: { name: 'model-release-gate', version: 'docs' } };
  const code = await cli.runCli(['check', '--help'], sink);
  if (code !== 0 || out.trim() === '') throw new Error(`model-release-gate check --help exited ${code}: ${err}`);
  return `\`\`\`text\n${out.replace(/\s+$/, '')}\n\`\`\`\n`;
}
