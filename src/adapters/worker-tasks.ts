import { MessagePort, Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  QuantileBootstrapJob,
  QuantileBootstrapRunner,
  runQuantileBootstrapJob,
} from '../core/compare/quantile-bootstraps.js';
import { InputError } from '../core/errors.js';
import {
  ExampleColumns,
  ExampleColumnsLoader,
  ExampleReadSpec,
  parseExampleColumns,
} from '../core/load/example-columns.js';
import { openFileSource } from './file-source.js';
import { keepForLater, takeIdleWorker } from './idle-worker.js';
import { splitBootstrapJobs } from './bootstrap-split.js';

/**
 * The heavy work of a large comparison, run in worker threads so it uses both cores: the two
 * per-example files are parsed at once, and the quantile bootstraps are split between a worker and
 * the main thread. The worker is the entry bundle itself, started again with a marker in
 * workerData: one file to ship, and no second bundle that could drift from the first.
 */
const PARSE = 'model-release-gate/parse-example-columns';
const BOOTSTRAP = 'model-release-gate/quantile-bootstraps';
/** A worker started while the main thread pairs (its second core is idle then), waiting for bootstraps. */
const STANDBY = 'model-release-gate/standby';

interface ParseRequest {
  readonly role: typeof PARSE;
  readonly path: string;
  readonly spec: ExampleReadSpec;
}

interface BootstrapRequest {
  readonly role: typeof BOOTSTRAP;
  readonly jobs: QuantileBootstrapJob[];
}

type Reply =
  | { readonly ok: true; readonly columns: ExampleColumns }
  | {
      readonly ok: false;
      readonly input: boolean;
      readonly file: string;
      readonly message: string;
      readonly line?: number;
      readonly field?: string;
      readonly details?: readonly string[];
    };

/** In a worker started from this module: does the requested work and returns true. Otherwise false. */
export async function serveWorkerTaskIfWorker(): Promise<boolean> {
  if (isMainThread || parentPort === null) return false;
  const request = workerData as { role?: unknown } | undefined;
  if (request?.role === BOOTSTRAP) {
    parentPort.postMessage((request as BootstrapRequest).jobs.map(runQuantileBootstrapJob));
    return true;
  }
  if (request?.role === STANDBY) {
    const port = parentPort;
    port.on('message', (message: BootstrapRequest) => {
      if (message.role === BOOTSTRAP) port.postMessage(message.jobs.map(runQuantileBootstrapJob));
    });
    return true;
  }
  if (request?.role !== PARSE) return false;
  await serveParseRequest(request as ParseRequest, parentPort);
  return true;
}

async function serveParseRequest(request: ParseRequest, port: MessagePort): Promise<void> {
  let reply: Reply;
  let transfer: ArrayBuffer[] = [];
  try {
    const columns = await parseExampleColumns(await openFileSource(request.path), request.spec);
    reply = { ok: true, columns };
    // The tally is plain data and is copied; the typed arrays are moved.
    const arrays = [
      columns.idHashes,
      columns.lines,
      columns.cohortStart,
      columns.cohortFlat,
      columns.binary,
      columns.continuous,
      columns.labelCohorts,
    ];
    transfer = arrays.flatMap((a) => (a === undefined ? [] : [a.buffer as ArrayBuffer]));
  } catch (error) {
    reply =
      error instanceof InputError
        ? {
            ok: false,
            input: true,
            file: error.file,
            message: error.problem,
            ...(error.line === undefined ? {} : { line: error.line }),
            ...(error.field === undefined ? {} : { field: error.field }),
            details: error.details,
          }
        : // The message only: a stack would reach the user's log inside the one-line internal error.
          {
            ok: false,
            input: false,
            file: request.path,
            message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          };
  }
  port.postMessage(reply, transfer);
}

/**
 * A loader that parses the candidate in a worker (started from `script`, the running entry file)
 * while this thread parses the incumbent: two threads for two cores.
 */
export function createWorkerColumnsLoader(script: URL): ExampleColumnsLoader {
  return (source, spec, side) =>
    side === 'incumbent' ? parseExampleColumns(source, spec) : parseInWorker(script, source.path, spec);
}

function parseInWorker(script: URL, path: string, spec: ExampleReadSpec): Promise<ExampleColumns> {
  return new Promise<ExampleColumns>((resolve, reject) => {
    const request: ParseRequest = { role: PARSE, path, spec };
    const worker = new Worker(script, { workerData: request });
    let settled = false;
    worker.once('message', (reply: Reply) => {
      settled = true;
      if (reply.ok) {
        // The parse worker ends (its heap is freed); a fresh one starts and compiles while this
        // thread pairs, so the bootstraps find a worker ready without adding the parse heap to the peak.
        // Only when the bootstraps could be large enough to be handed to a worker at all.
        void worker.terminate();
        if (2 * reply.columns.ids.length >= MIN_VALUES_FOR_A_WORKER)
          keepForLater(script, new Worker(script, { workerData: { role: STANDBY } }));
        resolve(reply.columns);
      } else if (reply.input) {
        reject(
          new InputError(reply.file, reply.message, {
            ...(reply.line === undefined ? {} : { line: reply.line }),
            ...(reply.field === undefined ? {} : { field: reply.field }),
            details: reply.details,
          }),
        );
      } else reject(new Error(`parsing ${reply.file} failed in a worker: ${reply.message}`));
      if (!reply.ok) void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the worker parsing ${path} stopped (exit code ${code}) without an answer`));
    });
  });
}

/** Below this many values in all, a worker's start-up costs more than it saves. */
const MIN_VALUES_FOR_A_WORKER = 200_000;

type BootstrapResult = ReturnType<typeof runQuantileBootstrapJob>;

/**
 * A runner that hands about half of the bootstrap work (balanced by estimated cost) to a worker and does
 * the rest here meanwhile. Results come back in job order either way, so the report is the same.
 */
export function createWorkerBootstrapRunner(script: URL): QuantileBootstrapRunner {
  return async (jobs) => {
    const total = jobs.reduce((sum, job) => sum + job.incumbent.length, 0);
    if (jobs.length < 2 || total < MIN_VALUES_FOR_A_WORKER) return jobs.map(runQuantileBootstrapJob);
    const { here, there } = splitBootstrapJobs(jobs);
    const request: BootstrapRequest = {
      role: BOOTSTRAP,
      jobs: there.map((index) => jobs[index] as QuantileBootstrapJob),
    };
    const remote = runBootstrapsInWorker(script, request);
    const results = new Array<BootstrapResult>(jobs.length);
    for (const index of here) results[index] = runQuantileBootstrapJob(jobs[index] as QuantileBootstrapJob);
    const remoteResults = await remote;
    there.forEach((index, k) => {
      results[index] = remoteResults[k] as BootstrapResult;
    });
    return results;
  };
}

function runBootstrapsInWorker(script: URL, request: BootstrapRequest): Promise<BootstrapResult[]> {
  return new Promise<BootstrapResult[]>((resolve, reject) => {
    // The standby started after the parse is compiled already: taking it saves starting a thread on
    // the critical path. Without one (both files parsed here), a worker is started for the bootstraps.
    const kept = takeIdleWorker(script);
    const worker = kept ?? new Worker(script, { workerData: request });
    if (kept !== undefined) {
      kept.ref();
      kept.postMessage(request);
    }
    let settled = false;
    worker.once('message', (reply: BootstrapResult[]) => {
      settled = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the bootstrap worker stopped (exit code ${code}) without an answer`));
    });
  });
}
