import { InputError } from '../errors.js';
import { parseLocated, validateLocated } from '../structured-text.js';
import { type Manifest, manifestSchema } from './manifest-schema.js';

/** A parsed manifest that remembers where each field came from. */
export interface ManifestDocument {
  readonly file: string;
  readonly manifest: Manifest;
  /** The line of a field, e.g. lineOf(['kill_switch', 'drill', 'date']); the nearest existing parent otherwise. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

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
