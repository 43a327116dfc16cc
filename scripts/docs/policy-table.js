// The policy reference table: every key of the zod schema with its type and default as the schema
// states them, and its meaning from policy-descriptions.js.
import { importTypeScript } from './load-ts.js';
import { code, table } from './markdown.js';
import { POLICY_DESCRIPTIONS } from './policy-descriptions.js';

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable']);

function unwrap(schema) {
  let current = schema;
  while (WRAPPERS.has(current._zod.def.type)) current = current._zod.def.innerType;
  return current;
}

function formatNumber(value) {
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential().replace('e-', 'e-');
  return Number.isInteger(value) && Math.abs(value) >= 10_000 ? value.toLocaleString('en-US') : String(value);
}

/** "integer ≥ 1", "number, 1e-6 ≤ x < 0.5": the type and bounds a zod number states. */
function numberType(schema) {
  const checks = (schema._zod.def.checks ?? []).map((check) => check._zod.def);
  const integer = checks.some((check) => check.check === 'number_format' && /int/.test(check.format));
  let low;
  let high;
  for (const check of checks) {
    if (check.check === 'greater_than') low = { value: check.value, inclusive: check.inclusive };
    if (check.check === 'less_than' && check.value < Number.MAX_SAFE_INTEGER) high = { value: check.value, inclusive: check.inclusive };
  }
  // An integer above 0 reads better as "≥ 1".
  if (integer && low !== undefined && !low.inclusive && Number.isInteger(low.value)) low = { value: low.value + 1, inclusive: true };
  const kind = integer ? 'integer' : 'number';
  if (low === undefined && high === undefined) return kind;
  if (low !== undefined && high === undefined) return `${kind} ${low.inclusive ? '≥' : '>'} ${formatNumber(low.value)}`;
  if (low === undefined) return `${kind} ${high.inclusive ? '≤' : '<'} ${formatNumber(high.value)}`;
  if (low.inclusive && high.inclusive) return `${kind}, ${formatNumber(low.value)} to ${formatNumber(high.value)}`;
  return `${kind}, ${formatNumber(low.value)} ${low.inclusive ? '≤' : '<'} x ${high.inclusive ? '≤' : '<'} ${formatNumber(high.value)}`;
}

/** The type of a leaf schema in words, or undefined when the schema cannot tell (a transform). */
function typeOf(schema) {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  switch (def.type) {
    case 'enum':
      return inner.options.map((option) => code(option)).join(' \\| ');
    case 'boolean':
      return 'boolean';
    case 'number':
      return numberType(inner);
    case 'string': {
      // A pattern says more than "text" can: the description map names what it accepts.
      if ((def.checks ?? []).some((check) => check._zod.def.format === 'regex')) return undefined;
      const nonEmpty = (def.checks ?? []).some((check) => check._zod.def.check === 'min_length' && check._zod.def.minimum >= 1);
      return nonEmpty ? 'non-empty text' : 'text';
    }
    case 'array': {
      const element = typeOf(def.element);
      return element === undefined ? undefined : `list of ${element}`;
    }
    default:
      return undefined;
  }
}

function valueAt(object, path) {
  let current = object;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function defaultCell(value) {
  if (Array.isArray(value)) return code(value.every((item) => /^[a-z_]+$/.test(item)) ? `[${value.join(', ')}]` : JSON.stringify(value));
  return code(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * Every key the schema declares, in schema order: `{ path, schema }` for leaves it can see, and
 * `{ path, namedRecord: true }` for maps of user-chosen names, whose entries it cannot see.
 */
export function schemaKeys(schema, prefix = []) {
  const keys = [];
  for (const [name, child] of Object.entries(unwrap(schema).shape)) {
    const path = [...prefix, name];
    const inner = unwrap(child);
    if (inner._zod.def.type === 'object') keys.push(...schemaKeys(inner, path));
    else if (inner._zod.def.type === 'pipe' && inner._zod.def.in._zod.def.type === 'unknown') keys.push({ path, namedRecord: true });
    else keys.push({ path, schema: child });
  }
  return keys;
}

/** A policy that sets only `dotted` (placeholders such as <name> become a real name) to `value`. */
export function policyWith(dotted, value) {
  const path = dotted.split('.').map((part) => (part.startsWith('<') ? 'accuracy' : part));
  const policy = {};
  let node = policy;
  for (const part of path.slice(0, -1)) node = node[part] = {};
  node[path[path.length - 1]] = value;
  return policy;
}

export async function loadPolicyModules(root) {
  const [schemaModule, loadModule] = await importTypeScript(root, ['src/core/policy/policy-schema.ts', 'src/core/policy/load-policy.ts']);
  return { policySchema: schemaModule.policySchema, defaultPolicy: loadModule.defaultPolicy };
}

/** The rows of the policy table, or a list of problems when the schema and the descriptions disagree. */
export async function policyTable(root) {
  const { policySchema, defaultPolicy } = await loadPolicyModules(root);
  const defaults = defaultPolicy();
  const problems = [];
  const rows = [];
  const described = new Set();
  for (const key of schemaKeys(policySchema)) {
    const dotted = key.path.join('.');
    const entries = key.namedRecord
      ? Object.keys(POLICY_DESCRIPTIONS).filter((name) => name.startsWith(`${dotted}.<`))
      : Object.hasOwn(POLICY_DESCRIPTIONS, dotted)
        ? [dotted]
        : [];
    if (entries.length === 0) problems.push(`policy key ${dotted} has no description in scripts/docs/policy-descriptions.js`);
    for (const name of entries) {
      described.add(name);
      const entry = POLICY_DESCRIPTIONS[name];
      const type = key.namedRecord ? entry.type : (typeOf(key.schema) ?? entry.type);
      if (type === undefined) problems.push(`policy key ${name}: the schema does not state its type; give one in policy-descriptions.js`);
      const value = key.namedRecord ? undefined : valueAt(defaults, key.path);
      const fallback = entry.unset === undefined ? 'unset' : `unset: ${entry.unset}`;
      rows.push([code(name), type ?? '', value === undefined ? fallback : defaultCell(value), entry.meaning]);
    }
  }
  for (const name of Object.keys(POLICY_DESCRIPTIONS)) {
    if (!described.has(name)) problems.push(`policy-descriptions.js describes ${name}, which the schema does not have`);
    else if (name.includes('<') && !policySchema.safeParse(policyWith(name, POLICY_DESCRIPTIONS[name].sample)).success) {
      problems.push(`the schema refuses ${name} with the sample value ${JSON.stringify(POLICY_DESCRIPTIONS[name].sample)} from policy-descriptions.js`);
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return `${table(['key', 'type', 'default', 'meaning'], rows)}\n`;
}
