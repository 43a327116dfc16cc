import type { Finding } from '../findings/finding.js';
import { escapeName } from './escape-markdown.js';

/** Where a finding points: "release-manifest.yml line 24". */
export function locationOf(finding: Finding): string {
  if (finding.file === undefined) return '';
  return `${escapeName(finding.file)}${finding.line === undefined ? '' : ` line ${finding.line}`}`;
}
