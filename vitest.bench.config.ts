import { defineConfig } from 'vitest/config';

// Benchmarks are ordinary Vitest files so they run TypeScript directly; they time, print and
// write bench/results.json rather than assert speed.
export default defineConfig({
  test: {
    include: process.env.GLOSS_BENCH_FILE
      ? [process.env.GLOSS_BENCH_FILE]
      : process.env.GLOSS_BENCH === 'browser'
        ? ['bench/browser.bench-run.ts', 'bench/highlights.bench-run.ts', 'bench/pages.bench-run.ts', 'bench/import.bench-run.ts']
        : ['bench/node.bench-run.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
