/**
 * Cohort patterns: `*` matches any run of characters (including `:` and `/`, which cohort names
 * use freely), `?` one character; everything else is literal. Cohort names are not paths, so a
 * path-glob library's rules about separators would surprise here.
 */
export function globToRegExp(pattern: string, options: { ignoreCase?: boolean } = {}): RegExp {
  let source = '^';
  for (const char of pattern) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${source}$`, options.ignoreCase === true ? 'sui' : 'su');
}

export function matchesAny(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globToRegExp(pattern).test(name));
}

export function isLiteralPattern(pattern: string): boolean {
  return !pattern.includes('*') && !pattern.includes('?');
}
