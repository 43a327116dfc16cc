import type { Finding } from '../../findings/finding.js';
import type { ReadinessContext } from '../readiness-types.js';
import { manifestFinding } from '../rule-helpers.js';

/**
 * Where a piece of evidence named in the manifest lives, and whether the gate can vouch for it.
 * A link is taken at its word (the gate does not fetch the web); a repository path is checked to
 * exist, because a drill record or load-test report that was never committed is no evidence at all.
 */
type EvidenceLocation =
  | { readonly kind: 'url' }
  | { readonly kind: 'outside-repository'; readonly reason: string }
  | { readonly kind: 'repository-path' };

const HTTP_URL = /^https?:\/\/\S+$/i;
/** A scheme (`file:`, `s3:`) or a Windows drive (`C:`): neither is a path inside the repository. */
const SCHEME_OR_DRIVE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function locateEvidence(reference: string): EvidenceLocation {
  const trimmed = reference.trim();
  if (HTTP_URL.test(trimmed)) return { kind: 'url' };
  if (trimmed.startsWith('/') || trimmed.startsWith('\\'))
    return { kind: 'outside-repository', reason: 'it is an absolute path' };
  if (SCHEME_OR_DRIVE.test(trimmed))
    return { kind: 'outside-repository', reason: 'it is neither an http(s) link nor a path inside the repository' };
  // Both separators: a manifest written on Windows must not escape the repository with "..\".
  if (trimmed.split(/[\\/]/).includes('..')) return { kind: 'outside-repository', reason: 'it climbs out with ".."' };
  return { kind: 'repository-path' };
}

/**
 * The finding for an evidence reference that the gate cannot accept, or undefined when it is fine.
 * `prefix` is the rule's id prefix (`kill-switch`, `load-test`); `path` the manifest field.
 * A path that could leave the repository is refused before it reaches the file system.
 */
export function evidencePathFinding(
  context: ReadinessContext,
  prefix: string,
  reference: string,
  path: readonly (string | number)[],
): Finding | undefined {
  const field = path.join('.');
  const location = locateEvidence(reference);
  if (location.kind === 'url') return undefined;
  if (location.kind === 'outside-repository') {
    return manifestFinding(
      context,
      `${prefix}.evidence-outside-repository`,
      `${field} is "${reference}", which points outside the repository (${location.reason}): give a path relative to the repository root, such as docs/…, or an https:// link.`,
      path,
    );
  }
  if (context.evidenceExists(reference.trim())) return undefined;
  return manifestFinding(
    context,
    `${prefix}.evidence-not-found`,
    `${field} is "${reference}", but no such file exists in the repository: commit the record at that path, or correct the path (or link it with an https:// URL).`,
    path,
  );
}
