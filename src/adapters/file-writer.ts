import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { asInputErrorOnFileSystemFailure } from './file-system-error.js';

/**
 * A writer of report files that creates their directory. A path the file system refuses (a file
 * where a directory should be, no permission) is an input error naming the path and `doing`, the
 * setting to fix (e.g. "write the validation package (--out <dir>)"), not an internal one.
 */
export function createFileWriter(doing: string): (path: string, text: string) => Promise<void> {
  return (path, text) =>
    asInputErrorOnFileSystemFailure(path, doing, async () => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    });
}
