// The benchmark results file: every bench (the whole run or one part alone) merges its numbers into it.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';

export type Metric = { value: number; unit: string };
const RESULTS = new URL('./results.json', import.meta.url);

/** A record function that prints each number and keeps it for writeResults. */
export function collector(): { results: Record<string, Metric>; record: (name: string, value: number, unit: string) => void } {
  const results: Record<string, Metric> = {};
  return {
    results,
    record(name, value, unit) {
      results[name] = { value: Math.round(value * 1000) / 1000, unit };
      console.log(`${name.padEnd(44)} ${results[name]!.value} ${unit}`);
    },
  };
}

export function writeResults(results: Record<string, Metric>): void {
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, Metric>;
    } catch {
      return {};
    }
  })();
  writeFileSync(RESULTS, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
  console.log(`written to ${RESULTS.pathname} (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown'}, node ${process.version})`);
}
