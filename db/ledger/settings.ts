import { z } from 'zod';
import { get, run, sql, type Db } from '../store/sql';
import { BASE_POLICY } from '../auth/passwords';
import type { LedgerSettings } from '../views';

export const DEFAULT_IDLE_MINUTES = 10;

export const settingsSchema = z.object({
  unitName: z.string().trim().min(1).max(100),
  idleMinutes: z.number().int().min(1).max(240),
  passwordPolicy: z.object({
    minLength: z.number().int().min(BASE_POLICY.minLength).max(64),
    requireMixedCase: z.boolean(),
    requireSymbol: z.boolean(),
  }),
});

const KEYS = { unitName: 'unit_name', idleMinutes: 'idle_minutes', passwordPolicy: 'password_policy' } as const;

export function defaultSettings(unitName: string): LedgerSettings {
  return { unitName, idleMinutes: DEFAULT_IDLE_MINUTES, passwordPolicy: { ...BASE_POLICY } };
}

export function readSettings(db: Db): LedgerSettings {
  const read = (key: string): unknown => {
    const row = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`);
    return row ? JSON.parse(row.value) : undefined;
  };
  const stored = { unitName: read(KEYS.unitName), idleMinutes: read(KEYS.idleMinutes), passwordPolicy: read(KEYS.passwordPolicy) };
  return settingsSchema.parse({ ...defaultSettings(''), ...Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined)) });
}

export function writeSettings(db: Db, change: Partial<LedgerSettings>): void {
  for (const [name, value] of Object.entries(change) as [keyof LedgerSettings, unknown][]) {
    if (value === undefined) continue;
    run(db, sql`INSERT INTO settings (key, value) VALUES (${KEYS[name]}, ${JSON.stringify(value)})
                ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  }
}
