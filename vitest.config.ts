import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['db/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts'],
    environment: 'node',
    // Real scrypt and real encrypted files: give slow machines room.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
