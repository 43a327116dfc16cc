import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // A beforeAll may build a shared fixture (docs-drift transpiles the sources); on a busy machine
    // that takes longer than the default 10 s.
    hookTimeout: 60_000,
    // Child processes, each running many test files in turn (forks: baseline-artifact's memory check
    // reads the process's RSS, which threads would share). Without isolation the source modules are
    // loaded once per worker instead of once per file, which was most of the suite's time. That is
    // safe because no test changes module state: no vi.mock or vi.spyOn, no process.env or cwd
    // changes, and the source's few module-level caches (poisson, crc table, lazily loaded clients)
    // hold pure results. The suite passes in shuffled order (--sequence.shuffle).
    pool: 'forks',
    isolate: false,
    // Vitest's default on this 2-core machine is one worker. Many tests wait (on spawned bundles,
    // Chromium, HTTP retries and their backoff), so a third worker keeps both cores busy.
    maxWorkers: 3,
    // Passing tests' console output (the artifact client's progress lines, run in process) is noise.
    silent: 'passed-only',
  },
});
