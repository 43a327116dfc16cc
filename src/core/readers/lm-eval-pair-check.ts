import { InputError } from '../errors.js';
import { ownValue } from '../named-record.js';
import { readAll, type TextSource } from '../input/text-source.js';
import { lmEvalResultsReader } from './lm-eval-results-reader.js';
import { collectSamples } from './lm-eval-samples-collect.js';
import { lmEvalSamplesReader } from './lm-eval-samples-reader.js';
import { peekSource } from './peek.js';

/**
 * Two lm-eval runs are compared only if they ran the same task the same way: for every task both
 * have, the same output type, few-shot count and task version (results), and for every doc_id both
 * scored, the same document and target (doc_hash, target_hash). Pairing by doc_id across a changed
 * configuration would pair different examples, so a difference is an error naming the task and field.
 *
 * prompt_hash and task_hashes are NOT compared: they hash the rendered prompt, which includes the
 * model's own chat template, so they differ between any two chat models run on one configuration
 * (seen in real runs: every model's task hash differs). The check reads each file a second time,
 * before the gate reads it; files it cannot read are left to the readers to report.
 */
export async function checkLmEvalPair(
  open: (path: string) => Promise<TextSource>,
  incumbentPath: string,
  candidatePath: string,
): Promise<void> {
  if (incumbentPath === candidatePath) return;
  const a = await identityOf(open, incumbentPath);
  const b = await identityOf(open, candidatePath);
  if (a === undefined || b === undefined || a.kind !== b.kind) return;
  for (const [task, configA] of a.configs) {
    const configB = b.configs.get(task);
    if (configB === undefined) continue;
    for (const [field, value] of Object.entries(configA)) {
      const other = configB[field];
      if (other !== undefined && other !== value)
        throw differs(candidatePath, task, field.replace('<task>', task), value, other);
    }
  }
  for (const [task, docsA] of a.docs) {
    const docsB = b.docs.get(task);
    if (docsB === undefined) continue;
    for (const [docId, identityA] of docsA) {
      const identityB = docsB.get(docId);
      if (identityB === undefined) continue;
      for (const [field, value] of Object.entries(identityA)) {
        const other = identityB[field];
        if (other !== undefined && other !== value)
          throw differs(candidatePath, task, `doc_id ${docId} ${field}`, value, other);
      }
    }
  }
}

interface RunIdentity {
  readonly kind: 'results' | 'samples';
  /** task → field → value (output type, few-shot count, task version). */
  readonly configs: Map<string, Record<string, string>>;
  /** task → doc_id → doc_hash / target_hash. */
  readonly docs: Map<string, Map<string, Readonly<Record<string, string>>>>;
}

async function identityOf(open: (path: string) => Promise<TextSource>, path: string): Promise<RunIdentity | undefined> {
  try {
    const { probe, source } = await peekSource(await open(path));
    if (lmEvalSamplesReader.detect(probe)) {
      const run = await collectSamples(source, []);
      const docs = new Map(
        run.tasks.map(
          (task) => [task.task ?? '', new Map(task.docs.map((doc) => [doc.docId, doc.identity] as const))] as const,
        ),
      );
      return { kind: 'samples', configs: run.results === undefined ? new Map() : configsOf(run.results), docs };
    }
    if (lmEvalResultsReader.detect(probe))
      return {
        kind: 'results',
        configs: configsOf(JSON.parse(await readAll(source)) as Record<string, unknown>),
        docs: new Map(),
      };
  } catch {
    // Unreadable here: the reader reads it again and reports what is wrong, with its line.
  }
  return undefined;
}

function configsOf(results: Record<string, unknown>): Map<string, Record<string, string>> {
  const section = (key: string): Record<string, unknown> => {
    const value = results[key];
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  };
  const configs = new Map<string, Record<string, string>>();
  const tasks = new Set([
    ...Object.keys(section('configs')),
    ...Object.keys(section('n-shot')),
    ...Object.keys(section('versions')),
  ]);
  for (const task of tasks) {
    const fields: Record<string, string> = {};
    const config = ownValue(section('configs'), task) as Record<string, unknown> | undefined;
    if (typeof config?.output_type === 'string') fields['configs.<task>.output_type'] = config.output_type;
    const shots = ownValue(section('n-shot'), task);
    if (typeof shots === 'number' || typeof shots === 'string') fields['n-shot.<task>'] = String(shots);
    const version = ownValue(section('versions'), task);
    if (typeof version === 'number' || typeof version === 'string') fields['versions.<task>'] = String(version);
    configs.set(task, fields);
  }
  return configs;
}

function differs(file: string, task: string, field: string, incumbent: string, candidate: string): InputError {
  return new InputError(
    file,
    `task ${task}: ${field} differs between the two runs (incumbent ${incumbent}, candidate ${candidate}): they ran different task configurations, and pairing them by doc_id would pair different examples; rerun both with the same task configuration`,
    { field },
  );
}
