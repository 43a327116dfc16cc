import { InputError } from '../errors.js';
import { parseLocated, validateLocated } from '../structured-text.js';
import { Policy, policySchema } from './policy-schema.js';

/** The defaults, as a document with no keys would give them. */
export function defaultPolicy(): Policy {
  return policySchema.parse({});
}

/** Parses a policy file's text (YAML or JSON); every problem names the file, line and field. */
export function parsePolicy(file: string, text: string): Policy {
  const document = parseLocated(file, text);
  if (document.value === null || typeof document.value !== 'object' || Array.isArray(document.value)) {
    throw new InputError(file, 'expected a mapping of policy settings (alpha, correction, metrics, cohorts, …)');
  }
  return validateLocated(document, policySchema);
}
