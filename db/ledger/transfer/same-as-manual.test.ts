// An imported register is registered exactly as the same rows entered by hand (documents.receive, one command a
// row): the same refusals, and for the rows taken the same items, copies, events and search index. Real ledgers.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, okAsync, withRaw, type SetUpLedger } from '../../testing';
import type { ImportReport } from './import';
import { DOCUMENT_HEADER, documentRow, xlsxOf, type FixtureCell } from './fixture';

const ROWS = 60;
const DEPARTED = '钱新';

/** A generated register with a 存放位置 column, some rows refused by a rule of 收 (not by the file's form). */
function rowOf(n: number): FixtureCell[] {
  // Every sixth row (秘密) in the cabinet for 秘密 at most.
  const cells = [...documentRow(n), n % 6 === 0 ? 'MMG-02' : 'BMG-01'];
  if (n === 7) cells[5] = '绝密'; // no cabinet here may hold 绝密: E_LOCATION_LEVEL
  if (n === 12) cells[9] = DEPARTED; // signed by a person who has left: E_PERSON_DEPARTED
  if (n === 16) cells[12] = 'MMG-02'; // 机密 in the cabinet for 秘密 at most: E_LOCATION_LEVEL
  if (n === 23) cells[1] = '2099-01-01'; // received in the future: E_VALIDATION
  if (n === 30) cells[10] = `办公室、${DEPARTED}`; // a departed person in the 知悉范围: E_PERSON_DEPARTED
  return cells;
}

function ledger(): SetUpLedger {
  const t = makeLedger();
  ok(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
  ok(t.service, 'locations.create', { code: 'MMG-02', name: '二号保密柜', maxLevel: 'confidential' });
  ok(t.service, 'people.depart', { person: DEPARTED, handedTo: '李明', supervisor: '陈主任', at: '2026-01-05' });
  // Already in the ledger before the import: row 5's copies.
  ok(t.service, 'documents.receive', receiveInput(rowOf(5)));
  return t;
}

function receiveInput(cells: FixtureCell[]) {
  const [, day, originUnit, docNumber, title, level, period, copies, , signedBy, scope, , location] = cells;
  const date = day instanceof Date ? day.toISOString().slice(0, 10) : String(day);
  return {
    receivedAt: date,
    issueDate: date,
    originUnit,
    docNumber,
    title,
    marking: `${String(level)}★${String(period)}`,
    copies,
    scope: String(scope).split('、'),
    locationId: location === 'BMG-01' ? 1 : 2,
    signedBy,
  };
}

/** What a registration leaves in the ledger, without the clock's readings (each ledger has its own). */
function registered(t: SetUpLedger): Record<string, unknown[]> {
  return withRaw(t, (db) => ({
    documents: db
      .prepare('SELECT * FROM documents ORDER BY id')
      .all()
      .map((r) => ({ ...(r as object), created_at: null })),
    copies: db.prepare('SELECT * FROM copies ORDER BY id').all(),
    events: db
      .prepare('SELECT * FROM events ORDER BY id')
      .all()
      .map((r) => ({ ...(r as object), recorded_at: null })),
    eventCopies: db.prepare('SELECT * FROM event_copies ORDER BY event_id, copy_id').all(),
    grams: db.prepare('SELECT * FROM documents_grams ORDER BY gram, document_id').all(),
    numbers: db.prepare('SELECT rowid, number FROM documents_numbers ORDER BY rowid').all(),
    fullText: db.prepare('SELECT rowid, title, doc_number, origin_unit FROM documents_fts ORDER BY rowid').all(),
  }));
}

describe('an imported register', () => {
  it('is refused and registered row for row as the same rows entered by hand', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => rowOf(i + 1));
    const header = [...DOCUMENT_HEADER, '存放位置'];
    const input = async (cells: FixtureCell[][]) => ({
      register: 'documents',
      fileName: '收文.xlsx',
      data: (await xlsxOf({ rows: [header, ...cells] })).toString('base64'),
      defaults: {},
    });

    const byHand = ledger();
    const refusedByHand = new Map<number, string>();
    for (const [i, cells] of rows.entries()) {
      const r = await byHand.service.invokeAsync('documents.receive', receiveInput(cells));
      if (!r.ok) refusedByHand.set(i + 2, r.error.code);
    }

    const imported = ledger();
    const report = await okAsync<ImportReport>(imported.service, 'import.dryRun', await input(rows));
    // A copy already registered is found before any rule runs, and said so by the 份号 (by hand: E_DUPLICATE).
    const refusedOnImport = new Map(report.issues.map((i) => [i.row, i.reason === 'duplicate_in_ledger' ? 'E_DUPLICATE' : String(i.params.code ?? i.reason)]));
    expect(refusedOnImport).toEqual(refusedByHand);
    expect([...refusedByHand.values()].sort()).toEqual([
      'E_DUPLICATE',
      'E_LOCATION_LEVEL',
      'E_LOCATION_LEVEL',
      'E_PERSON_DEPARTED',
      'E_PERSON_DEPARTED',
      'E_VALIDATION',
    ]);

    const good = rows.filter((_, i) => !refusedByHand.has(i + 2));
    expect(await okAsync(imported.service, 'import.apply', await input(good))).toMatchObject({ imported: ROWS - refusedByHand.size });
    expect(registered(imported)).toEqual(registered(byHand));
  }, 60_000);
});
