// 更正 of a cabinet (保密柜): its name, keeper, the highest level it may hold, or taking it out of use. Each kept in
// the cabinet's own append-only history (location_events) with before, after, reason and who.
import { levelFits, type DocumentLevel } from '../../domain/levels';
import { LedgerError } from '../../errors';
import { all, get, run, sql, type Db } from '../../store/sql';
import type { LocationRow, Recorder } from '../documents/model';
import { recorderName } from '../recorders';

export type LocationCorrection =
  { field: 'name'; value: string } | { field: 'keeper'; value: string } | { field: 'maxLevel'; value: DocumentLevel } | { field: 'active'; value: boolean };

export interface LocationEventView {
  id: number;
  kind: string;
  at: string;
  details: Record<string, unknown>;
  recordedAt: string;
  recordedBy: string;
}

/** A cabinet, in use or not (a correction may put one back in use). */
export function requireAnyLocation(db: Db, id: number): LocationRow {
  const row = get<LocationRow>(db, sql`SELECT * FROM locations WHERE id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_LOCATION', { locationId: id });
  return row;
}

/** What the cabinet answers for: copies in it, and copies on loan that come back to it, by level. */
function heldHere(db: Db, locationId: number): { level: DocumentLevel; n: number }[] {
  return all<{ level: DocumentLevel; n: number }>(
    db,
    sql`SELECT d.level, count(*) AS n FROM copies c JOIN documents d ON d.id = c.document_id
        WHERE c.location_id = ${locationId} AND c.status IN ('in_custody', 'on_loan') GROUP BY d.level`,
  );
}

function apply(rec: Recorder, loc: LocationRow, c: LocationCorrection): { before: unknown; after: unknown } {
  switch (c.field) {
    case 'name':
      run(rec.db, sql`UPDATE locations SET name = ${c.value} WHERE id = ${loc.id}`);
      return { before: loc.name, after: c.value };
    case 'keeper': {
      const keeper = c.value || null;
      // 绝密 only in a 专柜 with a dedicated keeper.
      if (loc.max_level === 'top_secret' && !keeper) throw new LedgerError('E_VALIDATION', { field: 'keeper' });
      run(rec.db, sql`UPDATE locations SET keeper = ${keeper} WHERE id = ${loc.id}`);
      return { before: loc.keeper, after: keeper };
    }
    case 'maxLevel': {
      if (c.value === 'top_secret' && !loc.keeper) throw new LedgerError('E_VALIDATION', { field: 'keeper' });
      const above = heldHere(rec.db, loc.id).find((h) => !levelFits(h.level, c.value));
      if (above) throw new LedgerError('E_LOCATION_LEVEL', { location: loc.code, maxLevel: c.value, level: above.level });
      run(rec.db, sql`UPDATE locations SET max_level = ${c.value} WHERE id = ${loc.id}`);
      return { before: loc.max_level, after: c.value };
    }
    case 'active': {
      const copies = heldHere(rec.db, loc.id).reduce((n, h) => n + h.n, 0);
      if (!c.value && copies > 0) throw new LedgerError('E_LOCATION_NOT_EMPTY', { location: loc.code, copies });
      run(rec.db, sql`UPDATE locations SET active = ${c.value} WHERE id = ${loc.id}`);
      return { before: loc.active === 1, after: c.value };
    }
  }
}

/** 更正 of a cabinet: checked as its registration would be, and kept with before and after. */
export function correctLocation(rec: Recorder, input: { locationId: number; reason: string } & LocationCorrection): { eventId: number } {
  const loc = requireAnyLocation(rec.db, input.locationId);
  const { before, after } = apply(rec, loc, { field: input.field, value: input.value } as LocationCorrection);
  if (before === after) throw new LedgerError('E_VALIDATION', { field: 'change' });
  const eventId = Number(
    run(
      rec.db,
      sql`INSERT INTO location_events (location_id, kind, at, details, recorded_at, recorded_by)
          VALUES (${loc.id}, 'correct', ${rec.now}, ${JSON.stringify({ field: input.field, before, after, reason: input.reason })}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  return { eventId };
}

export function locationHistory(db: Db, locationId: number): LocationEventView[] {
  requireAnyLocation(db, locationId);
  return all<{ id: number; kind: string; at: string; details: string; recorded_at: string; recorded_by: string }>(
    db,
    sql`SELECT id, kind, at, details, recorded_at, ${recorderName('recorded_by')} AS recorded_by FROM location_events WHERE location_id = ${locationId} ORDER BY id`,
  ).map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.at,
    details: JSON.parse(e.details) as Record<string, unknown>,
    recordedAt: e.recorded_at,
    recordedBy: e.recorded_by,
  }));
}
