import { InputError } from '../errors.js';
import { parseLocated, validateLocated } from '../load/structured-text.js';
import type { ManifestDocument } from '../readiness/readiness-types.js';
import { manifestSchema } from './manifest-schema.js';

/** Parses a release manifest (YAML or JSON). Every problem names the file, line and field. */
export function parseManifest(file: string, text: string): ManifestDocument {
  const document = parseLocated(file, text);
  if (document.value === null || typeof document.value !== 'object' || Array.isArray(document.value)) {
    throw new InputError(
      file,
      'expected a mapping with model, risk_class, owners, rollout, kill_switch, monitoring, …',
    );
  }
  const manifest = validateLocated(document, manifestSchema);
  return { file, manifest, lineOf: (path) => document.lineOf(path) };
}
