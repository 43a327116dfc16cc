import { READERS } from '../core/readers/registry.js';

/** The CLI's options, as node:util parseArgs takes them; the one list that usage, parsing and suggestions share. */
export const OPTIONS = {
  incumbent: { type: 'string' },
  candidate: { type: 'string' },
  paired: { type: 'string' },
  policy: { type: 'string' },
  manifest: { type: 'string' },
  'base-manifest': { type: 'string' },
  traffic: { type: 'string' },
  observations: { type: 'string' },
  now: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  author: { type: 'string' },
  today: { type: 'string' },
  'format-in': { type: 'string' },
  columns: { type: 'string' },
  'cohort-field': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export const COMMANDS = ['check', 'canary', 'help'] as const;
export const FORMATS = ['text', 'markdown', 'json', 'comment'] as const;

/** The last line of every usage error. */
export const SEE_HELP = 'see model-release-gate --help';

// The reader list comes from the registry, so the help cannot fall behind it.
const READER_NAMES = READERS.map((reader) => reader.name).join(', ');

export const USAGE = `usage: model-release-gate check --incumbent <file> --candidate <file> [--policy <file>] [--manifest <file>]
                                [--out <dir>] [--format text|markdown|json|comment] [--author <user>] [--today YYYY-MM-DD]
                                [--format-in <reader>] [--columns <mapping>] [--cohort-field <field>] [--base-manifest <file>]
                                [--traffic <file>] [--quiet]
       model-release-gate canary --observations <file> --manifest <file> [--policy <file>] [--out <dir>]
                                 [--format text|markdown|json|comment] [--now <ISO time>]
       model-release-gate help | --help | --version

  --incumbent  eval results of the deployed model: the gate's .jsonl, .csv or summary .json, or an eval
               tool's output (scikit-learn, lm-evaluation-harness, promptfoo, MLflow, Ragas, DeepEval,
               inspect_ai, OpenCompass, CSV or Parquet tables), recognized by shape
  --candidate  eval results of the new model, in the same kind of format. Either may name one part of
               a file holding several models side by side: results.json#provider=<name> (or #prompt=<label>,
               summary.csv#model=<name>)
  --policy     gate policy (YAML); defaults apply when absent
  --manifest   release manifest (YAML or JSON): rollout, rollback, owners, monitoring, waivers
  --base-manifest  the manifest as the change's base has it: lowering risk_class or dropping a
               section is a blocking manifest.weakened finding
  --traffic    production's cohort counts over a recent window (model-release-gate/traffic@1, JSON or
               YAML; e.g. from sql/traffic.sql): is every production cohort in the eval, how far the
               eval's mix is from production's, and the overall re-weighted to production's mix.
               Without it, the manifest's eval_coverage.traffic names the file, if it does
  --out        directory to write the validation package into: report.json, report.md,
               validation-package.json, validation-package.md, report.html
  --format     what to print: text (default), markdown, json, or comment (the pull-request comment's
               Markdown body, as the Action posts it)
  --author     the change's author (a waiver they accepted themselves does not count)
  --today      judge dates (drill age, waiver expiry) as of this day instead of today (UTC)
  --format-in  read both files with this reader instead of recognizing them: ${READER_NAMES}
  --columns    column mapping for other tables (CSV, Parquet), e.g.
               "id=row_id,label=y_true,prediction=y_pred,cohorts=region|lang,metrics=latency_ms"
  --cohort-field  where cohorts come from: promptfoo vars.<name>, provider or prompt; lm-eval samples
               doc.<name>; inspect_ai metadata.<name>; a Ragas or DeepEval column; several separated by
               commas (vars.lang,vars.topic)
  --paired     a paired summary (model-release-gate/paired-summary@1, e.g. computed in a warehouse with
               sql/paired-summary.sql) holding both models; replaces --incumbent and --candidate
  --quiet, -q  no progress lines (they go to stderr only when it is a terminal and the run takes over a second)

canary: judges a canary stage while it runs, with anytime-valid confidence sequences (see docs/canary.md)
  --observations  per-interval counts of baseline and canary (model-release-gate/canary@1, JSON or YAML;
               e.g. from sql/canary.sql): events, successes per pass/fail metric, Σx and Σx² per metric
  --manifest   the release manifest: its rollout stages (traffic, hold) and abort_when criteria
  --now        judge the stage's hold as of this time (ISO 8601 with Z or an offset) instead of the last
               interval's end; every interval must have ended by then

On a terminal the text verdict is coloured; NO_COLOR=1 or FORCE_COLOR=0 turns that off.
exit codes: check: 0 pass or warn, 1 blocked, 2 usage or input error;
            canary: 0 promote, 1 roll back, 3 hold (not yet decided), 2 usage or input error`;
