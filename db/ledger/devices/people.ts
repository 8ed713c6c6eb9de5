// People who have departed (离岗): the registers name them in history, never in anything new.
import type { DepartedRole } from '../../domain/errors';
import { LedgerError } from '../../errors';
import { get, sql, type Db } from '../../store/sql';

/** None of `names` has departed: a departed person borrows, signs, answers for a device or joins a scope no more. */
export function assertNotDeparted(db: Db, names: readonly string[], role: DepartedRole): void {
  const wanted = JSON.stringify([...new Set(names.map((n) => n.trim()).filter(Boolean))]);
  const gone = get<{ person: string; at: string }>(
    db,
    sql`SELECT person, at FROM departures WHERE person IN (SELECT value FROM json_each(${wanted})) ORDER BY id LIMIT 1`,
  );
  if (gone) throw new LedgerError('E_PERSON_DEPARTED', { person: gone.person, departedAt: gone.at, role });
}
