/** Reads a GITHUB_OUTPUT file: `name<<DELIMITER`, the value's lines, then `DELIMITER`. */
export function parseRunnerOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (match === null) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i] ?? '');
    outputs[match[1] as string] = value.join('\n');
  }
  return outputs;
}
