import type { Worker } from 'node:worker_threads';

/** A worker waiting for bootstraps, kept without holding the process open. */
let idleWorker: { readonly script: string; readonly worker: Worker } | undefined;

export function keepForLater(script: URL, worker: Worker): void {
  if (idleWorker !== undefined) void idleWorker.worker.terminate();
  worker.unref();
  const kept = { script: script.href, worker };
  idleWorker = kept;
  // A standby that fails or stops before it is used is dropped (a fresh worker is started instead);
  // the listener also keeps such an error from ending the process while nobody waits on the worker.
  const drop = (): void => {
    if (idleWorker === kept) idleWorker = undefined;
  };
  worker.once('error', drop);
  worker.once('exit', drop);
}

export function takeIdleWorker(script: URL): Worker | undefined {
  const kept = idleWorker;
  idleWorker = undefined;
  if (kept === undefined) return undefined;
  if (kept.script === script.href) return kept.worker;
  void kept.worker.terminate();
  return undefined;
}
