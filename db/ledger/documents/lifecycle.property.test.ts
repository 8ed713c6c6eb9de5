// Random sequences of register commands, valid and not, through service.invoke on one ledger per run.
// After every step: copies are conserved, the event history explains every copy's state, nothing follows
// a terminal state, an accepted command left exactly one ok audit entry and a refused one changed nothing
// but one refused entry; no accepted event is before its item's registration or the event it closes (commands
// carry random dates and date-times, or none: now). At the end the audit chain verifies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../audit/chain';
import type { InvokeResult } from '../../process-protocol';
import { makeLedger, ok, openRaw } from '../../testing';
import type { Db } from '../../store/sql';
import { happenedBefore } from './model';
import { createApprover, external, FIRST_APPROVER_ON_THE_SPOT } from '../approvals/fixture';

interface Cmd {
  name: string;
  input: Record<string, unknown>;
}

const CAB = 1; // 保密柜, up to 机密 (created first)
const VAULT = 2; // 绝密专柜

/** A pick among the documents registered when the command runs (see `resolve`); 1 in 20 names one that does not exist. */
const docId = fc.integer({ min: 0, max: 19 });
const copyNos = fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 });
/** None, the unit head on the spot (the approver account each run creates first), or the originator or its superior. */
const approval = fc.constantFrom(
  undefined,
  FIRST_APPROVER_ON_THE_SPOT,
  external('省局周处长', '鲁保函〔2026〕3号'),
  external('国家局吴司长', '国保函〔2026〕1号'),
);
const location = fc.constantFrom(CAB, VAULT);
const items = fc.uniqueArray(fc.record({ documentId: docId, copyNos }), { minLength: 1, maxLength: 2, selector: (i) => i.documentId });

/** When a command says it happened: nothing (now, 2026-11-25 01:00 UTC), a day in November, or a time that day (Beijing). */
const when = fc.option(
  fc.record({ day: fc.integer({ min: 1, max: 26 }), hour: fc.option(fc.integer({ min: 0, max: 23 })) }).map(({ day, hour }) => {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    return hour === null ? date : `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
  }),
  { freq: 3 },
);
const dated = (cmd: Cmd): fc.Arbitrary<Cmd> =>
  when.map((at) => (at === null ? cmd : { ...cmd, input: { ...cmd.input, [cmd.name === 'documents.receive' ? 'receivedAt' : 'at']: at } }));

const receive = fc
  .record({
    marking: fc.constantFrom('绝密★长期', '机密★10年', '秘密★5年', '秘密★6个月', '内部'),
    copies: fc.integer({ min: 1, max: 4 }),
    locationId: location,
    mustReturn: fc.boolean(),
    title: fc.constantFrom('关于开展保密自查的通知', '涉密载体管理办法', '会议纪要', '工作要点'),
  })
  .map((r): Cmd => ({
    name: 'documents.receive',
    input: {
      ...r,
      originUnit: '省国家保密局',
      issueDate: '2026-11-02',
      scope: ['办公室', '王芳'],
      signedBy: '李明',
      ...(r.mustReturn ? { returnBy: '2027-03-31' } : {}),
    },
  }))
  .chain(dated);

const undated: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: receive },
  {
    weight: 5,
    arbitrary: fc
      .record({
        documentId: docId,
        copyNos,
        borrower: fc.constantFrom({ name: '王芳' }, { name: '钱新', department: '办公室' }, { name: '赵六', department: '财务处' }),
        takenOut: fc.boolean(),
        approval,
      })
      .map((input) => ({ name: 'documents.lend', input: { ...input, dueAt: '2026-12-10' } })),
  },
  {
    weight: 4,
    arbitrary: fc.record({ documentId: docId, copyNos }).map((input) => ({ name: 'documents.returnLoan', input: { ...input, receivedBy: '李明' } })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        documentId: docId,
        copyNos,
        channel: fc.constantFrom('机要交通', '机要通信', '机要文件交换站', '专人送达', '普通邮政', '快递'),
        forward: fc.boolean(),
        approval,
      })
      .map((input) => ({ name: 'documents.transmit', input: { ...input, toUnit: '市国家保密局', handledBy: '李明' } })),
  },
  // eventId 0: the document's latest transmission, resolved when the command runs.
  {
    weight: 2,
    arbitrary: fc.record({ documentId: docId, eventId: fc.constantFrom(0, 0, 0, 1, 7) }).map((input) => ({ name: 'documents.confirmReceipt', input })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        documentId: docId,
        sourceCopyNo: fc.integer({ min: 1, max: 5 }),
        count: fc.integer({ min: 1, max: 3 }),
        approval,
        locationId: fc.constantFrom(undefined, CAB, VAULT),
      })
      .map((input) => ({ name: 'documents.copy', input })),
  },
  { weight: 2, arbitrary: fc.record({ documentId: docId, copyNos, locationId: location }).map((input) => ({ name: 'documents.move', input })) },
  {
    weight: 2,
    arbitrary: items.map((i) => ({ name: 'documents.returnToIssuer', input: { items: i, toUnit: '省国家保密局', returner: '李明', receiver: '孙收文' } })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ items, people: fc.constantFrom([['李明'], ['赵强']], [['李明'], ['李明']], [['李明', '钱新'], []], [['李明'], ['赵强', '钱新']]) })
      .map(({ items: i, people: [destroyers, witnesses] }) => ({
        name: 'documents.destroy',
        input: { items: i, approval: FIRST_APPROVER_ON_THE_SPOT, method: 'shredder', place: '保密室', destroyers, witnesses },
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        documentId: docId,
        change: fc.constantFrom({ marking: '绝密★长期' }, { marking: '机密★20年' }, { marking: '秘密★3年' }, { scope: ['办公室'] }, { declassify: true }),
      })
      .map(({ documentId, change }) => ({
        name: 'documents.changeMarking',
        input: { documentId, ...change, approval: external('省国家保密局', '鲁保函〔2026〕9号') },
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.record({ documentId: docId, copyNos }), { maxLength: 1 })
      .map((missing) => ({ name: 'documents.inventory', input: { missing, checkedBy: ['李明', '赵强'] } })),
  },
  { weight: 1, arbitrary: fc.constant({ name: 'documents.handover', input: { from: '李明', to: '钱新', supervisor: '陈主任' } }) },
);
const command = undated.chain(dated);

/** Turns the generated picks into the ids of the ledger as it is now. */
function resolve(db: Db, cmd: Cmd): Cmd {
  const docs = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  const pick = (p: number) => (p < 19 && docs > 0 ? 1 + (p % docs) : docs + 1);
  // 份号 1-4 pick among the document's copies, 5 names one past the last.
  const copies = (documentId: number, nos: number[]) => {
    const max = (db.prepare('SELECT coalesce(max(copy_no), 0) AS n FROM copies WHERE document_id = ?').get(documentId) as { n: number }).n;
    return nos.map((n) => (n < 5 && max > 0 ? 1 + ((n - 1) % max) : max + 1));
  };
  const item = (i: { documentId: number; copyNos: number[] }) => {
    const documentId = pick(i.documentId);
    return { documentId, copyNos: copies(documentId, i.copyNos) };
  };
  const input: Record<string, unknown> = { ...cmd.input };
  if (typeof input.documentId === 'number') input.documentId = pick(input.documentId);
  if (Array.isArray(input.copyNos)) input.copyNos = copies(input.documentId as number, input.copyNos as number[]);
  if (typeof input.sourceCopyNo === 'number') input.sourceCopyNo = copies(input.documentId as number, [input.sourceCopyNo])[0];
  if (Array.isArray(input.items)) input.items = (input.items as { documentId: number; copyNos: number[] }[]).map(item);
  if (Array.isArray(input.missing)) input.missing = (input.missing as { documentId: number; copyNos: number[] }[]).map(item);
  if (input.eventId === 0) {
    const sent = db.prepare(`SELECT max(id) AS id FROM events WHERE document_id = ? AND kind IN ('transmit', 'forward')`).get(input.documentId) as {
      id: number | null;
    };
    input.eventId = sent.id ?? 1;
  }
  return { name: cmd.name, input };
}

const REGISTER = ['documents', 'copies', 'events', 'event_copies', 'batches', 'locations'];
const snapshot = (db: Db) => Object.fromEntries(REGISTER.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
const auditCount = (db: Db) => (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

/** The state an event leaves a copy in; undefined: the event does not change it. */
function stateAfter(kind: string, created: boolean, copyNo: number, details: { missing?: number[] }): string | undefined {
  switch (kind) {
    case 'receive':
    case 'produce':
    case 'return_loan':
    case 'move':
      return 'in_custody';
    case 'copy':
      return created ? 'in_custody' : undefined;
    case 'lend':
      return 'on_loan';
    case 'transmit':
    case 'forward':
      return 'transmitted';
    case 'return_to_issuer':
      return 'returned';
    case 'destroy':
      return 'destroyed';
    case 'inventory':
      return details.missing?.includes(copyNo) ? 'missing' : undefined;
    default:
      return undefined;
  }
}
const TERMINAL = new Set(['transmitted', 'returned', 'destroyed', 'missing']);
/** The state a copy must be in for an event on it (the source of a copy included); nothing listed: any. */
const REQUIRES: Record<string, string[]> = {
  lend: ['in_custody'],
  return_loan: ['on_loan'],
  move: ['in_custody'],
  copy: ['in_custody'],
  transmit: ['in_custody'],
  forward: ['in_custody'],
  return_to_issuer: ['in_custody'],
  destroy: ['in_custody'],
  inventory: ['in_custody', 'on_loan'],
  receipt_confirmed: ['transmitted'],
};

function checkInvariants(db: Db): void {
  // Conservation: every registered copy has one state, and the copies are exactly those receive and copy events created.
  const byStatus = db.prepare('SELECT status, count(*) AS n FROM copies GROUP BY status').all() as { status: string; n: number }[];
  const total = (db.prepare('SELECT count(*) AS n FROM copies').get() as { n: number }).n;
  const statuses = ['in_custody', 'on_loan', 'transmitted', 'returned', 'destroyed', 'missing'];
  expect(byStatus.every((r) => statuses.includes(r.status))).toBe(true);
  expect(byStatus.reduce((s, r) => s + r.n, 0)).toBe(total);
  const created = db
    .prepare(
      `SELECT coalesce(sum(CASE kind WHEN 'receive' THEN json_extract(details, '$.copies') WHEN 'copy' THEN json_array_length(details, '$.copyNos') ELSE 0 END), 0) AS n FROM events`,
    )
    .get() as { n: number };
  expect(created.n).toBe(total);
  // The held counts kept on each item by triggers agree with its copies.
  const drift = db
    .prepare(
      `SELECT d.id, d.held_copies, d.held_originals,
              (SELECT count(*) FROM copies c WHERE c.document_id = d.id AND c.status IN ('in_custody', 'on_loan')) AS copies,
              (SELECT count(*) FROM copies c WHERE c.document_id = d.id AND c.status IN ('in_custody', 'on_loan') AND c.reproduction = 0) AS originals
       FROM documents d WHERE held_copies <> copies OR held_originals <> originals`,
    )
    .all();
  expect(drift).toEqual([]);

  // Replay: the events on each copy, in order, explain its current state, each found the copy in a state it
  // applies to (nothing lent twice ...), and nothing follows a terminal state (a transmitted copy may only still
  // get its receipt confirmed).
  const rows = db
    .prepare(
      `SELECT c.id AS copyId, c.copy_no AS copyNo, c.status, e.id AS eventId, e.kind, e.details,
              (e.kind = 'copy' AND c.reproduction = 1 AND json_extract(e.details, '$.sourceCopyNo') <> c.copy_no
                AND c.copy_no IN (SELECT value FROM json_each(e.details, '$.copyNos'))) AS created
       FROM copies c LEFT JOIN event_copies ec ON ec.copy_id = c.id LEFT JOIN events e ON e.id = ec.event_id
       ORDER BY c.id, e.id`,
    )
    .all() as { copyId: number; copyNo: number; status: string; eventId: number | null; kind: string | null; details: string | null; created: 0 | 1 }[];
  const replayed = new Map<number, { status: string; actual: string; terminal: string | null }>();
  for (const r of rows) {
    expect(r.eventId, `copy #${r.copyId} has no event`).not.toBeNull();
    const s = replayed.get(r.copyId) ?? { status: '(none)', actual: r.status, terminal: null };
    if (s.terminal !== null) {
      expect({ copy: r.copyId, after: s.terminal, kind: r.kind }).toEqual({
        copy: r.copyId,
        after: s.terminal,
        kind: s.terminal === 'transmitted' ? 'receipt_confirmed' : '(nothing)',
      });
    }
    const created = r.created === 1 || r.kind === 'receive' || r.kind === 'produce';
    if (!created && REQUIRES[r.kind!])
      expect({ copy: r.copyId, event: r.eventId, kind: r.kind, from: s.status }).toEqual({
        copy: r.copyId,
        event: r.eventId,
        kind: r.kind,
        from: expect.toBeOneOf(REQUIRES[r.kind!]!),
      });
    const next = stateAfter(r.kind!, r.created === 1, r.copyNo, JSON.parse(r.details!) as { missing?: number[] });
    if (next !== undefined) s.status = next;
    if (TERMINAL.has(s.status)) s.terminal = s.status;
    replayed.set(r.copyId, s);
  }
  for (const [copyId, s] of replayed) expect({ copyId, status: s.actual }).toEqual({ copyId, status: s.status });

  // Time: no event before its item's registration; a return not before the loan it closes (the last one of the copy
  // entered before it), a receipt confirmation not before its transmission.
  const events = db
    .prepare(`SELECT e.id, e.kind, e.at, e.details, d.registered_at AS registeredAt FROM events e JOIN documents d ON d.id = e.document_id ORDER BY e.id`)
    .all() as { id: number; kind: string; at: string; details: string; registeredAt: string }[];
  const atOf = new Map(events.map((e) => [e.id, e.at]));
  for (const e of events) {
    expect({ event: e.id, before: happenedBefore(e.at, e.registeredAt) }).toEqual({ event: e.id, before: false });
    if (e.kind === 'receipt_confirmed') {
      const sent = atOf.get((JSON.parse(e.details) as { eventId: number }).eventId)!;
      expect({ event: e.id, before: happenedBefore(e.at, sent) }).toEqual({ event: e.id, before: false });
    }
  }
  const lentAt = new Map<number, string>();
  for (const r of rows) {
    if (r.kind === 'lend') lentAt.set(r.copyId, atOf.get(r.eventId!)!);
    if (r.kind === 'return_loan')
      expect({ event: r.eventId, before: happenedBefore(atOf.get(r.eventId!)!, lentAt.get(r.copyId)!) }).toEqual({ event: r.eventId, before: false });
  }
}

describe('lifecycle property', () => {
  it('random command sequences keep copies conserved, histories consistent, refusals harmless and the audit chain intact', () => {
    let accepted = 0;
    let refusedCount = 0;
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(receive, fc.array(command, { minLength: 10, maxLength: 39, size: 'max' }), (first, rest) => {
        const t = makeLedger();
        createApprover(t, '陈主任');
        ok(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
        ok(t.service, 'locations.create', { code: 'JM-01', name: '绝密专柜', maxLevel: 'top_secret', keeper: '刘专管' });
        const raw = openRaw(t.dbPath, t.key, { readonly: true });
        try {
          for (const generated of [first, ...rest]) {
            const cmd = resolve(raw, generated);
            const before = snapshot(raw);
            const audit = auditCount(raw);
            const r: InvokeResult = t.service.invoke(cmd.name, cmd.input);
            const added = raw.prepare('SELECT action, outcome, error_code FROM audit_log WHERE seq > ? ORDER BY seq').all(audit);
            if (r.ok) {
              accepted += 1;
              expect(added).toEqual([{ action: cmd.name, outcome: 'ok', error_code: null }]);
            } else {
              refusedCount += 1;
              codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1);
              expect(r.error.code, `${cmd.name} ${JSON.stringify(cmd.input)}: ${r.error.message}`).not.toBe('E_INTERNAL');
              expect(added).toEqual([{ action: cmd.name, outcome: 'refused', error_code: r.error.code }]);
              expect(snapshot(raw)).toEqual(before);
            }
            checkInvariants(raw);
          }
          const ledgerId = (raw.prepare(`SELECT value FROM ledger_meta WHERE key = 'ledger_id'`).get() as { value: string }).value;
          expect(verifyChain(raw, ledgerId)).toMatchObject({ intact: true });
        } finally {
          raw.close();
          t.service.close();
        }
      }),
      { numRuns: 30 },
    );
    // The generator reaches both sides of the rules, not only one.
    expect(accepted).toBeGreaterThan(100);
    expect(refusedCount).toBeGreaterThan(100);
    for (const code of [
      'E_NOT_IN_CUSTODY',
      'E_NO_SUCH_COPY',
      'E_APPROVAL_REQUIRED',
      'E_FORBIDDEN_CHANNEL',
      'E_WITNESS_REQUIRED',
      'E_LOCATION_LEVEL',
      'E_DATE_ORDER',
    ]) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
    // 30 real ledgers, each with an approver account (its key slot made and opened by real scrypt).
  }, 90_000);
});
