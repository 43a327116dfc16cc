import { InputError } from '../core/errors.js';
import type { GitHubPlatform } from '../adapters/github/github-platform.js';

/**
 * Reading a gate input (the policy, the manifest) as a pull request's base commit has it. The base
 * is what the pull request's author cannot edit, so nothing here falls back to the head's copy: a
 * read that fails stops the run, and a 404 counts as "absent" only once the base commit's directory
 * listing confirms it.
 */

/** The file at the base commit, undefined when GitHub answers 404 (confirm with confirmAbsentAtBase). */
export async function readAtBase(
  platform: GitHubPlatform,
  path: string,
  baseSha: string,
  what: string,
): Promise<{ text: string; sha: string } | undefined> {
  try {
    return await platform.readFileAtRef(path, baseSha);
  } catch (error) {
    const failure = platform.describeFailure(error);
    throw new InputError(
      path,
      `could not read the ${what} at the pull request's base commit ${baseSha.slice(0, 7)} (${failure.message}); the gate will not fall back to the pull request's own ${what}. ${failure.hint}`,
    );
  }
}

/** Returns only when the base commit's directory listing shows the file is not there. */
export async function confirmAbsentAtBase(
  platform: GitHubPlatform,
  path: string,
  baseSha: string,
  what: string,
): Promise<void> {
  const at = `the pull request's base commit ${baseSha.slice(0, 7)}`;
  let absence;
  try {
    absence = await platform.confirmAbsentAtRef(path, baseSha);
  } catch (error) {
    const failure = platform.describeFailure(error);
    throw new InputError(
      path,
      `GitHub answered 404 for the ${what} at ${at}, and listing its directory there to confirm that failed (${failure.message}); the gate will not treat the ${what} as absent. ${failure.hint}`,
    );
  }
  if (!absence.confirmed) {
    throw new InputError(
      path,
      `GitHub answered 404 for the ${what} at ${at}, but that could not be confirmed (${absence.why}); the gate will not treat the ${what} as absent. Re-run the job; if it persists, check the token's contents: read permission`,
    );
  }
}
