/**
 * An lm-eval run directory (`--output_path` holds, per model, `results_<time>.json` and one
 * `samples_<task>_<time>.jsonl` per task) handed to the core as ONE text source: the adapter lists
 * the files and streams them in order, each after a marker line naming it. The core never opens a
 * file, so this is how a reader sees a whole run; the marker is a JSON line no lm-eval file starts
 * a line with.
 */
const RUN_FILE_MARKER = 'model-release-gate/lm-eval-run-file';

/** The line an adapter writes before each file of a run directory. */
export function runFileMarkerLine(name: string): string {
  return `${JSON.stringify({ [RUN_FILE_MARKER]: name })}\n`;
}

const MARKER_PREFIX = `{${JSON.stringify(RUN_FILE_MARKER)}:`;

/** The file name of a marker line, or undefined for any other line. */
export function runFileOf(line: string): string | undefined {
  if (!line.startsWith(MARKER_PREFIX)) return undefined;
  try {
    const name = (JSON.parse(line) as Record<string, unknown>)[RUN_FILE_MARKER];
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

export function startsWithRunMarker(head: string): boolean {
  return head.replace(/^\uFEFF/, '').startsWith(MARKER_PREFIX);
}

/** `samples_<task>_<ISO time with - for :>.jsonl` → task and time; undefined for other names. */
export function samplesFileName(name: string): { task: string; time: string } | undefined {
  const match = /^samples_(.+)_(\d{4}-\d{2}-\d{2}T[\d.-]+)\.jsonl$/i.exec(name);
  return match === null ? undefined : { task: match[1] as string, time: match[2] as string };
}

/** The task named by a samples file's name, whatever directory the path is in (either separator). */
export function taskFromPath(path: string): string | undefined {
  return samplesFileName(path.split(/[\\/]/).pop() ?? '')?.task;
}

/** `results_<time>.json` → time. */
function resultsFileTime(name: string): string | undefined {
  return /^results_(\d{4}-\d{2}-\d{2}T[\d.-]+)\.json$/i.exec(name)?.[1];
}

/**
 * Which files of a directory listing make up the run, in a fixed order (results first, then samples
 * by name). A directory holding several runs (several timestamps) is refused: which one was meant
 * cannot be guessed.
 */
export function runFiles(dir: string, names: readonly string[]): { files: string[] } | { problem: string } {
  const samples = names.filter((name) => samplesFileName(name) !== undefined).sort();
  const results = names.filter((name) => resultsFileTime(name) !== undefined).sort();
  if (samples.length === 0) {
    return {
      problem: `the directory has no samples_<task>_<time>.jsonl file: expected an lm-eval run written with --log_samples (give a file instead of ${dir} for other formats)`,
    };
  }
  const times = [...new Set(samples.map((name) => samplesFileName(name)?.time as string))].sort();
  if (times.length > 1) {
    return {
      problem: `the directory holds ${times.length} lm-eval runs (${times.join(', ')}): give one run's samples file, or a directory with one run`,
    };
  }
  const ofRun = results.filter((name) => resultsFileTime(name) === times[0]);
  return { files: [...ofRun, ...samples] };
}
