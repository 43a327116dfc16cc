import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { asInputErrorOnFileSystemFailure } from '../adapters/file-system-error.js';

/**
 * Writes one file of the validation package, creating its directory. --out naming a file, or a
 * directory that cannot be created or written, is an input error naming the path, not an internal one.
 */
export function writePackageFile(path: string, text: string): Promise<void> {
  return asInputErrorOnFileSystemFailure(path, 'write the validation package (--out <dir>)', async () => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
  });
}
