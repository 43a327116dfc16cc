import { InputError } from '../core/errors.js';

/**
 * File-system failures (a path that is not there, not readable, not a directory) are the user's
 * input to fix, not the gate's fault: each becomes an InputError naming the path and saying what is
 * wrong with it in words, so the CLI exits 2 with one line and the Action fails the step with it.
 */
const PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, expected a file',
  ENOTDIR: 'a part of this path is a file, not a directory',
  EEXIST: 'it exists and is not a directory',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in this path',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is busy',
};

/** The error's system code (ENOENT, EACCES…), when it is a file-system error from Node. */
function fileSystemCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/**
 * A file-system error as an InputError about `path` (the path the user gave, or the one Node names
 * when it is more precise, e.g. the directory that cannot be created). Other errors: undefined.
 */
export function fileSystemInputError(error: unknown, path: string, doing?: string): InputError | undefined {
  const code = fileSystemCode(error);
  if (code === undefined) return undefined;
  const named = (error as { path?: unknown }).path;
  const where = typeof named === 'string' && named !== '' ? named : path;
  const problem = PROBLEMS[code] ?? `the operating system refused (${code})`;
  return new InputError(where, doing === undefined ? problem : `cannot ${doing}: ${problem}`);
}

/** Runs `action`; a file-system failure becomes an InputError about `path`, anything else is rethrown. */
export async function asInputErrorOnFileSystemFailure<T>(
  path: string,
  doing: string,
  action: () => Promise<T>,
): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw fileSystemInputError(error, path, doing) ?? error;
  }
}
