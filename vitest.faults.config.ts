// `npm run test:faults`: the fault suite (test/faults/README in the report of issue 14). Real processes killed,
// raced and starved of memory, so one file at a time: parallel files would measure each other.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
