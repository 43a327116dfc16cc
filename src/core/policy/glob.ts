/**
 * Cohort patterns: `*` matches any run of characters (including `:` and `/`, which cohort names
 * use freely), `?` one character; everything else is literal. Cohort names are not paths, so a
 * path-glob library's rules about separators would surprise here.
 */
export function globToRegExp(pattern: string, options: { ignoreCase?: boolean } = {}): RegExp {
  const flags = options.ignoreCase === true ? 'sui' : 'su';
  const key = `${flags}\u0000${pattern}`;
  let compiled = COMPILED.get(key);
  if (compiled === undefined) {
    compiled = new RegExp(globSource(pattern), flags);
    COMPILED.set(key, compiled);
  }
  return compiled;
}

// Every cohort is matched against every policy pattern: each pattern is compiled once, not once per
// cohort. Sharing is safe since the flags have no `g` or `y`, so test() keeps no state between calls.
const COMPILED = new Map<string, RegExp>();

function globSource(pattern: string): string {
  let source = '^';
  for (const char of pattern) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return `${source}$`;
}

export function matchesAny(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globToRegExp(pattern).test(name));
}

export function isLiteralPattern(pattern: string): boolean {
  return !pattern.includes('*') && !pattern.includes('?');
}
