import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * Answers "does this evidence file exist in the repository?" for paths relative to the repository
 * root. A path that leaves the root is never looked up: evidence must live in the repository.
 */
export function evidenceExistsUnder(root: string): (path: string) => boolean {
  const base = resolve(root);
  return (path) => {
    if (isAbsolute(path)) return false;
    const target = resolve(base, path);
    const inside = relative(base, target);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return false;
    try {
      return statSync(target).isFile();
    } catch {
      return false;
    }
  };
}
