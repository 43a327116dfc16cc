import type { Finding } from '../../findings/finding.js';
import type { EvalFileMetadata, ReadinessContext, ReadinessRule } from '../readiness-types.js';
import { manifestFinding, outcome } from '../rule-helpers.js';

const ID = 'consistency';
const TITLE = 'Eval results match the manifest';

type Role = 'incumbent' | 'candidate';
type Dataset = NonNullable<EvalFileMetadata['dataset']>;
interface Difference {
  readonly field: 'name' | 'version' | 'sha256';
  readonly left: string;
  readonly right: string;
}

/**
 * The gate's verdict is only about the release if the eval files are about the models the manifest
 * names, and a comparison is only a comparison if both models were scored on the same eval set.
 * Only what the files say about themselves can be checked: per-example files carry no metadata,
 * and then there is nothing to compare.
 */
export const consistencyRule: ReadinessRule = (context) => {
  const { manifest } = context.document;
  const files = context.evalFiles;
  const findings: Finding[] = [];

  for (const role of ['incumbent', 'candidate'] as const) {
    findings.push(...modelFindings(context, role, files[role]));
  }

  const left = files.incumbent.dataset;
  const right = files.candidate.dataset;
  if (left !== null && right !== null) {
    const differences = datasetDifferences(left, right);
    if (differences.length > 0) {
      findings.push(
        manifestFinding(
          context,
          'consistency.dataset',
          `the incumbent eval file (${files.incumbent.path}) and the candidate eval file (${files.candidate.path}) were scored on different eval sets (${differences.map((d) => `${d.field} ${d.left} vs ${d.right}`).join('; ')}): two models scored on different eval sets cannot be compared. Score both on the same frozen eval set.`,
          ['eval_set'],
        ),
      );
    }
  }

  const evalSet = manifest.eval_set;
  if (evalSet !== undefined) {
    for (const role of ['incumbent', 'candidate'] as const) {
      const dataset = files[role].dataset;
      if (dataset === null) continue;
      const differences = datasetDifferences(dataset, evalSet);
      const [first] = differences;
      if (first === undefined) continue;
      findings.push(
        manifestFinding(
          context,
          'consistency.dataset',
          `the ${role} eval file (${files[role].path}) was scored on a different eval set than the manifest names (${differences.map((d) => `${d.field} ${d.left} in the file, ${d.right} in eval_set`).join('; ')}): score it on the eval set the manifest names, or correct eval_set.`,
          ['eval_set', first.field],
        ),
      );
    }
  }

  return outcome(
    context,
    { id: ID, title: TITLE, required: true, evidence: describe(files), path: ['model'] },
    findings,
  );
};

function modelFindings(context: ReadinessContext, role: Role, file: EvalFileMetadata): Finding[] {
  const model = context.document.manifest.model;
  if (file.model === null) return [];
  const findings: Finding[] = [];
  if (file.model.name !== model.name) {
    findings.push(
      manifestFinding(
        context,
        'consistency.model-version',
        `the ${role} eval file (${file.path}) is for model ${file.model.name}, but model.name in the manifest is ${model.name}: evaluate the model being released, or correct model.name.`,
        ['model', 'name'],
      ),
    );
  }
  const expected = model[role];
  if (file.model.version !== expected) {
    findings.push(
      manifestFinding(
        context,
        'consistency.model-version',
        `the ${role} eval file (${file.path}) is for version ${file.model.version}, but model.${role} in the manifest is ${expected}: evaluate version ${expected}, or correct model.${role}.`,
        ['model', role],
      ),
    );
  }
  return findings;
}

/** Names always; version and sha256 only when both sides give them (a missing one proves nothing). */
function datasetDifferences(left: Dataset, right: Dataset): Difference[] {
  const differences: Difference[] = [];
  if (left.name !== right.name) differences.push({ field: 'name', left: left.name, right: right.name });
  if (left.version !== undefined && right.version !== undefined && left.version !== right.version) {
    differences.push({ field: 'version', left: left.version, right: right.version });
  }
  // Hex digests: case carries no meaning.
  if (
    left.sha256 !== undefined &&
    right.sha256 !== undefined &&
    left.sha256.toLowerCase() !== right.sha256.toLowerCase()
  ) {
    differences.push({ field: 'sha256', left: left.sha256, right: right.sha256 });
  }
  return differences;
}

function describe(files: ReadinessContext['evalFiles']): string {
  const parts: string[] = [];
  const left = files.incumbent.dataset;
  const right = files.candidate.dataset;
  if (left !== null && right !== null) {
    const same = datasetDifferences(left, right).length === 0;
    parts.push(
      same
        ? `both files: ${datasetLabel(left)}`
        : `incumbent: ${datasetLabel(left)}, candidate: ${datasetLabel(right)}`,
    );
  } else if (left !== null) {
    parts.push(`incumbent file: ${datasetLabel(left)}`);
  } else if (right !== null) {
    parts.push(`candidate file: ${datasetLabel(right)}`);
  }
  const [fromModel, toModel] = [files.incumbent.model, files.candidate.model];
  if (fromModel !== null || toModel !== null)
    parts.push(`models ${fromModel?.version ?? '?'} → ${toModel?.version ?? '?'}`);
  return parts.length === 0 ? 'no metadata in the eval files' : parts.join('; ');
}

function datasetLabel(dataset: Dataset): string {
  return dataset.version === undefined ? dataset.name : `${dataset.name}@${dataset.version}`;
}
