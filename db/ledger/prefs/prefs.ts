// An account's own choices on screen (the register's columns, the label layout), kept in the encrypted ledger beside the account so
// they follow the user from one sign-in to the next. Each is one bounded, validated value; none is a setting of
// the ledger (db/ledger/settings.ts is the administrator's).
import { z } from 'zod';
import { DOCUMENT_COLUMNS } from '../../domain/register-columns';
import { labelLayoutSchema, normalLayout } from '../../domain/labels';
import { all, run, sql, type Db } from '../../store/sql';

export const prefsSchema = z.object({
  /** The register's columns in the order chosen; none repeated. */
  documentColumns: z
    .array(z.enum(DOCUMENT_COLUMNS))
    .min(1)
    .max(DOCUMENT_COLUMNS.length)
    .refine((columns) => new Set(columns).size === columns.length, { message: 'repeated' }),
  /** The label layout printed last (打印标签 starts from it). */
  labelLayout: labelLayoutSchema,
});
export type Prefs = z.output<typeof prefsSchema>;
/** What an account has chosen: a preference it never set is null (the screen's default). */
export type PrefsView = { [K in keyof Prefs]: Prefs[K] | null };

const NAMES = Object.keys(prefsSchema.shape) as (keyof Prefs)[];

/** A stored value the program no longer knows in full (a column taken out since) reads as what is still valid. */
const readers: { [K in keyof Prefs]: (raw: unknown) => Prefs[K] | null } = {
  documentColumns(raw) {
    const known = Array.isArray(raw)
      ? [...new Set(raw.filter((c): c is Prefs['documentColumns'][number] => (DOCUMENT_COLUMNS as readonly unknown[]).includes(c)))]
      : [];
    return known.length ? known : null;
  },
  labelLayout(raw) {
    const layout = labelLayoutSchema.safeParse(raw);
    return layout.success ? normalLayout(layout.data) : null;
  },
};

export function readPrefs(db: Db, accountId: number): PrefsView {
  const stored = new Map(
    all<{ name: string; value: string }>(db, sql`SELECT name, value FROM account_prefs WHERE account_id = ${accountId}`).map((r) => [r.name, r.value]),
  );
  return Object.fromEntries(NAMES.map((name) => [name, stored.has(name) ? readers[name](JSON.parse(stored.get(name)!)) : null])) as PrefsView;
}

export function writePrefs(db: Db, accountId: number, prefs: Partial<Prefs>): void {
  for (const name of NAMES) {
    if (prefs[name] === undefined) continue;
    run(
      db,
      sql`INSERT INTO account_prefs (account_id, name, value) VALUES (${accountId}, ${name}, ${JSON.stringify(prefs[name])})
          ON CONFLICT (account_id, name) DO UPDATE SET value = excluded.value`,
    );
  }
}
