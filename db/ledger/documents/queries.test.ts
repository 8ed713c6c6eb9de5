// Reading the register through documents.list / reminders.get: search (FTS5 trigram for 3+ characters,
// the unigram / bigram index of migration 10 below that), filters, sort, paging, and every reminder as the custodian's day moves on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, withRaw, type SetUpLedger } from '../../testing';
import { spotApproval } from '../approvals/fixture';
import type { ApprovalGrant } from '../approvals/fields';
import type { DocumentDetail, DocumentListItem, LevelCode, ReminderCounts } from '../../views';
import { dayOf, listDocuments, type DocumentQuery } from './queries';

const DAY = 86_400_000;

interface Corpus {
  t: SetUpLedger;
  cab: number;
  vault: number;
  ids: Record<'selfCheck' | 'measures' | 'minutes' | 'topSecret' | 'lastYear', number>;
  list(q?: Record<string, unknown>): { total: number; rows: DocumentListItem[] };
  /** Titles of the matching rows, in the order listed (one page of up to 500). */
  titles(q?: Record<string, unknown>): string[];
  reminders(): ReminderCounts;
}

const TITLES = {
  selfCheck: '关于开展2026年度保密自查自评工作的通知',
  measures: '关于印发《涉密载体管理办法》的通知',
  minutes: '保密工作会议纪要',
  topSecret: '绝密级项目实施方案',
  lastYear: '2025年度保密工作要点',
} as const;

/** The unit head's approval, on the spot by the ledger's approver 陈主任 (set with each new ledger). */
let SPOT: ApprovalGrant;

function ledger(): Omit<Corpus, 'ids'> & { receive(over: Record<string, unknown>): number } {
  const t = makeLedger();
  SPOT = spotApproval(t);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const vault = ok<{ id: number }>(t.service, 'locations.create', { code: 'JM-01', name: '绝密专柜', maxLevel: 'top_secret', keeper: '刘专管' }).id;
  const list = (q: Record<string, unknown> = {}) => ok<{ total: number; rows: DocumentListItem[] }>(t.service, 'documents.list', { limit: 500, ...q });
  return {
    t,
    cab,
    vault,
    list,
    titles: (q) => list(q).rows.map((r) => r.title),
    reminders: () => ok<ReminderCounts>(t.service, 'reminders.get'),
    receive: (over) =>
      ok<{ id: number }>(t.service, 'documents.receive', {
        originUnit: '省国家保密局',
        issueDate: '2026-11-02',
        scope: ['办公室', '王芳'],
        copies: 2,
        locationId: cab,
        signedBy: '李明',
        ...over,
      }).id,
  };
}

function corpus(): Corpus {
  const l = ledger();
  const ids = {
    lastYear: l.receive({ title: TITLES.lastYear, marking: '秘密★5年', issueDate: '2025-01-10', receivedAt: '2025-02-01', docNumber: '鲁保发〔2025〕1号' }),
    selfCheck: l.receive({ title: TITLES.selfCheck, marking: '机密★10年', docNumber: '鲁保发〔2026〕12号', copies: 3 }),
    measures: l.receive({ title: TITLES.measures, marking: '秘密★5年', originUnit: '省委办公厅', docNumber: '鲁办发〔2026〕7号' }),
    minutes: l.receive({ title: TITLES.minutes, marking: '内部', originUnit: '市委保密委员会', docNumber: '会议纪要〔2026〕2号' }),
    topSecret: l.receive({
      title: TITLES.topSecret,
      marking: '绝密★长期',
      originUnit: '中央某部',
      docNumber: '某发〔2026〕1号',
      locationId: l.vault,
      copies: 1,
    }),
  };
  return { ...l, ids };
}

const sorted = (xs: string[]) => [...xs].sort();

describe('search', () => {
  it('a Chinese substring of 3+ characters is found through the trigram index, in title, 文号 and 来文单位', () => {
    const c = corpus();
    expect(c.titles({ query: '保密自查' })).toEqual([TITLES.selfCheck]);
    expect(c.titles({ query: '密载体' })).toEqual([TITLES.measures]);
    expect(c.titles({ query: '鲁办发' })).toEqual([TITLES.measures]);
    expect(c.titles({ query: '委员会' })).toEqual([TITLES.minutes]);
    expect(sorted(c.titles({ query: '保密工作' }))).toEqual(sorted([TITLES.minutes, TITLES.lastYear]));
    expect(c.titles({ query: '不存在的词' })).toEqual([]);
    // Quotes in the query are text, not FTS syntax.
    expect(c.titles({ query: '"涉密" OR 通知' })).toEqual([]);
  });

  it('a 2-character query (通知) and a 1-character one are found through the short-search index', () => {
    const c = corpus();
    expect(sorted(c.titles({ query: '通知' }))).toEqual(sorted([TITLES.selfCheck, TITLES.measures]));
    expect(c.titles({ query: '纪要' })).toEqual([TITLES.minutes]);
    expect(c.titles({ query: ' 绝 ' })).toEqual([TITLES.topSecret]);
    // LIKE wildcards are escaped.
    expect(c.titles({ query: '%' })).toEqual([]);
    expect(c.titles({ query: '_' })).toEqual([]);
  });

  it('3+ characters really go through FTS5 and 1-2 through the grams: with either index emptied only the other search still finds', () => {
    const c = corpus();
    withRaw(c.t, (db) => db.exec(`INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')`));
    expect(c.titles({ query: '保密自查' })).toEqual([]);
    expect(c.titles({ query: '通知' })).toHaveLength(2);
    withRaw(c.t, (db) => db.exec(`INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`));
    expect(c.titles({ query: '保密自查' })).toEqual([TITLES.selfCheck]);
    withRaw(c.t, (db) => db.exec(`DELETE FROM documents_grams`));
    expect(c.titles({ query: '通知' })).toEqual([]);
    expect(c.titles({ query: '纪' })).toEqual([]);
    expect(c.titles({ query: '保密自查' })).toEqual([TITLES.selfCheck]);
  });

  it('search combines with the other filters', () => {
    const c = corpus();
    expect(c.titles({ query: '通知', levels: ['confidential'] })).toEqual([TITLES.measures]);
    expect(c.titles({ query: '保密工作', year: 2025 })).toEqual([TITLES.lastYear]);
  });
});

describe('filters', () => {
  it('by level, year, 来文单位 and location', () => {
    const c = corpus();
    expect(sorted(c.titles({ levels: ['secret', 'confidential'] }))).toEqual(sorted([TITLES.selfCheck, TITLES.measures, TITLES.lastYear]));
    expect(c.titles({ levels: ['top_secret'] })).toEqual([TITLES.topSecret]);
    expect(c.titles({ year: 2025 })).toEqual([TITLES.lastYear]);
    expect(c.list({ year: 2026 }).total).toBe(4);
    expect(c.titles({ originUnit: '省委办公厅' })).toEqual([TITLES.measures]);
    expect(c.titles({ locationId: c.vault })).toEqual([TITLES.topSecret]);
  });

  it('by status (held, on loan, closed, missing) and holder', () => {
    const c = corpus();
    ok(c.t.service, 'documents.lend', { documentId: c.ids.selfCheck, copyNos: [1], borrower: { name: '王芳' }, dueAt: '2026-12-10' });
    ok(c.t.service, 'documents.destroy', {
      items: [{ documentId: c.ids.measures, copyNos: [1, 2] }],
      approval: SPOT,
      method: 'shredder',
      place: '保密室',
      destroyers: ['李明'],
      witnesses: ['赵强'],
    });
    ok(c.t.service, 'documents.inventory', { missing: [{ documentId: c.ids.minutes, copyNos: [2] }], checkedBy: ['李明'] });
    expect(c.titles({ status: 'on_loan' })).toEqual([TITLES.selfCheck]);
    expect(c.titles({ holder: '王芳' })).toEqual([TITLES.selfCheck]);
    expect(c.titles({ holder: '赵强' })).toEqual([]);
    expect(c.titles({ status: 'closed' })).toEqual([TITLES.measures]);
    expect(c.titles({ status: 'missing' })).toEqual([TITLES.minutes]);
    expect(sorted(c.titles({ status: 'held' }))).toEqual(sorted([TITLES.selfCheck, TITLES.minutes, TITLES.topSecret, TITLES.lastYear]));
    // A 复制件 still held keeps its item held after the originals are gone.
    ok(c.t.service, 'documents.copy', { documentId: c.ids.lastYear, sourceCopyNo: 1, count: 1, approval: SPOT });
    ok(c.t.service, 'documents.destroy', {
      items: [{ documentId: c.ids.lastYear, copyNos: [1, 2] }],
      approval: SPOT,
      method: 'shredder',
      place: '保密室',
      destroyers: ['李明'],
      witnesses: ['赵强'],
    });
    expect(c.titles({ status: 'closed' })).toEqual([TITLES.measures]);
    expect(c.titles({ status: 'held', year: 2025 })).toEqual([TITLES.lastYear]);
    // Each row counts its copies by state.
    expect(c.list({ query: '会议纪要' }).rows[0]).toMatchObject({ copies: 2, counts: { in_custody: 1, missing: 1 }, copyNos: '0001-0002' });
  });
});

describe('sort and paging', () => {
  it('sorts by 收文编号 (newest first by default), title, level and secrecy end (no end last)', () => {
    const c = corpus();
    expect(c.list().rows.map((r) => r.receiptNo)).toEqual(['2026-0004', '2026-0003', '2026-0002', '2026-0001', '2025-0001']);
    expect(c.list({ order: 'asc' }).rows.map((r) => r.receiptNo)).toEqual(['2025-0001', '2026-0001', '2026-0002', '2026-0003', '2026-0004']);
    expect(c.titles({ sort: 'title', order: 'asc' })).toEqual(sorted(Object.values(TITLES)));
    expect(c.list({ sort: 'level', order: 'desc' }).rows.map((r) => r.level)).toEqual(['top_secret', 'secret', 'confidential', 'confidential', 'internal']);
    const bySecrecyEnd = c.list({ sort: 'secrecyEnd', order: 'asc' }).rows.map((r) => r.secrecyEnd);
    expect(bySecrecyEnd).toEqual(['2030-01-10', '2031-11-02', '2036-11-02', null, null]);
    expect(c.list({ sort: 'secrecyEnd', order: 'desc' }).rows.map((r) => r.secrecyEnd)).toEqual(['2036-11-02', '2031-11-02', '2030-01-10', null, null]);
  });

  it('pages keep the total and together give the whole ordered list', () => {
    const c = corpus();
    const whole = c.list({ sort: 'title', order: 'desc' }).rows.map((r) => r.id);
    const pages = [0, 2, 4, 6].map((offset) => c.list({ sort: 'title', order: 'desc', offset, limit: 2 }));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5, 5]);
    expect(pages.map((p) => p.rows.length)).toEqual([2, 2, 1, 0]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(whole);
    expect(c.list({ levels: ['secret', 'confidential'], limit: 1, offset: 1 })).toMatchObject({ total: 3, rows: [{ receiptNo: '2026-0001' }] });
  });
});

describe('reminders', () => {
  it('an empty ledger has nothing to remind of', () => {
    const l = ledger();
    expect(l.reminders()).toMatchObject({ overdueLoans: 0, returnDue: 0, secrecyEnding: 0, reviewDue: 0, stocktakeDue: [] });
  });

  it('overdue loans appear once the clock passes the due date and go with the return', () => {
    const l = ledger();
    const id = l.receive({ title: '借阅测试', marking: '机密★10年' });
    ok(l.t.service, 'documents.lend', { documentId: id, copyNos: [1], borrower: { name: '王芳' }, dueAt: '2026-11-30' });
    expect(l.reminders().overdueLoans).toBe(0);
    l.t.clock.advance(5 * DAY); // 11-30: due today, not yet overdue
    expect(l.reminders().overdueLoans).toBe(0);
    l.t.clock.advance(DAY);
    expect(l.reminders().overdueLoans).toBe(1);
    expect(l.list({ reminder: 'overdue' }).rows).toMatchObject([{ id, overdue: true }]);
    ok(l.t.service, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明' });
    expect(l.reminders().overdueLoans).toBe(0);
    expect(l.list({ reminder: 'overdue' }).total).toBe(0);
  });

  it('a return deadline within reminderDays, while an original is still held', () => {
    const l = ledger();
    const soon = l.receive({ title: '近期清退', marking: '秘密★5年', mustReturn: true, returnBy: '2026-12-20' });
    l.receive({ title: '明年清退', marking: '秘密★5年', mustReturn: true, returnBy: '2027-06-30' });
    l.receive({ title: '无需清退', marking: '秘密★5年' });
    expect(l.reminders().returnDue).toBe(1);
    expect(l.titles({ reminder: 'returnDue' })).toEqual(['近期清退']);
    // A 复制件 left behind does not keep the reminder alive once the originals went back.
    ok(l.t.service, 'documents.copy', { documentId: soon, sourceCopyNo: 1, count: 1, approval: SPOT });
    ok(l.t.service, 'documents.returnToIssuer', {
      items: [{ documentId: soon, copyNos: [1, 2] }],
      toUnit: '省国家保密局',
      returner: '李明',
      receiver: '孙收文',
    });
    expect(l.reminders().returnDue).toBe(0);
    l.t.clock.advance(190 * DAY); // 2027-06-03: the second deadline is now within 30 days
    expect(l.titles({ reminder: 'returnDue' })).toEqual(['明年清退']);
  });

  it('secrecy ending within reminderDays (the setting), for held items only', () => {
    const l = ledger();
    const ending = l.receive({ title: '半年期文件', marking: '秘密★6个月', issueDate: '2026-06-10' }); // ends 2026-12-10
    l.receive({ title: '十年期文件', marking: '机密★10年' });
    l.receive({ title: '长期文件', marking: '绝密★长期', locationId: l.vault });
    expect(l.reminders().secrecyEnding).toBe(1);
    expect(l.list({ reminder: 'secrecyEnding' }).rows).toMatchObject([{ id: ending, secrecyEnd: '2026-12-10' }]);
    ok(l.t.service, 'settings.update', { reminderDays: 10 }); // horizon 12-05
    expect(l.reminders().secrecyEnding).toBe(0);
    ok(l.t.service, 'settings.update', { reminderDays: 15 }); // horizon 12-10
    expect(l.reminders().secrecyEnding).toBe(1);
    ok(l.t.service, 'documents.destroy', {
      items: [{ documentId: ending, copyNos: [1, 2] }],
      approval: SPOT,
      method: 'shredder',
      place: '保密室',
      destroyers: ['李明'],
      witnesses: ['赵强'],
    });
    expect(l.reminders().secrecyEnding).toBe(0);
  });

  it('review due for classified items registered in an earlier year and not reviewed this year', () => {
    const l = ledger();
    const old = l.receive({ title: '去年文件', marking: '机密★10年', issueDate: '2025-03-01', receivedAt: '2025-03-02' });
    l.receive({ title: '去年内部', marking: '内部', issueDate: '2025-03-01', receivedAt: '2025-03-02' });
    l.receive({ title: '今年文件', marking: '机密★10年' });
    expect(l.reminders().reviewDue).toBe(1);
    expect(l.titles({ reminder: 'reviewDue' })).toEqual(['去年文件']);
    ok(l.t.service, 'documents.review', { documentIds: [old], reviewedBy: '陈主任', conclusion: '维持原密级' });
    expect(l.reminders().reviewDue).toBe(0);
    l.t.clock.advance(40 * DAY); // 2027-01-04: everything from 2026 and before is due again
    expect(sorted(l.titles({ reminder: 'reviewDue' }))).toEqual(sorted(['去年文件', '今年文件']));
  });

  it('each count on the dashboard is the total of the list filtered by that reminder', () => {
    const l = ledger();
    for (let i = 0; i < 6; i += 1) {
      const id = l.receive({
        title: `文件${i}`,
        marking: i % 2 ? '秘密★6个月' : '机密★10年',
        issueDate: `2025-0${i + 1}-10`,
        receivedAt: `2025-0${i + 1}-20`,
        mustReturn: i < 3,
        returnBy: `2026-12-0${i + 1}`,
        copies: 2,
      });
      ok(l.t.service, 'documents.lend', {
        documentId: id,
        copyNos: [1, 2].slice(0, 1 + (i % 2)),
        borrower: { name: '王芳' },
        dueAt: `2026-11-2${6 + (i % 3)}`,
      });
    }
    l.t.clock.advance(3 * DAY);
    const counts = l.reminders();
    expect(counts).toMatchObject({ overdueLoans: 4, returnDue: 3, secrecyEnding: 3, reviewDue: 6 });
    expect({
      overdueLoans: l.list({ reminder: 'overdue' }).total,
      returnDue: l.list({ reminder: 'returnDue' }).total,
      secrecyEnding: l.list({ reminder: 'secrecyEnding' }).total,
      reviewDue: l.list({ reminder: 'reviewDue' }).total,
    }).toEqual({ overdueLoans: counts.overdueLoans, returnDue: counts.returnDue, secrecyEnding: counts.secrecyEnding, reviewDue: counts.reviewDue });
  });

  it('a cabinet holding anything is due for its stocktake until one is taken, and again a cadence later (12 months)', () => {
    const l = ledger();
    l.receive({ title: '清查测试', marking: '秘密★5年' });
    expect(l.reminders().stocktakeDue).toMatchObject([{ level: 'confidential', lastAt: null }]);
    ok(l.t.service, 'documents.inventory', { checkedBy: ['李明', '赵强'] });
    expect(l.reminders().stocktakeDue).toEqual([]);
    l.t.clock.advance(40 * DAY);
    expect(l.reminders().stocktakeDue).toEqual([]);
    l.t.clock.advance(326 * DAY);
    expect(l.reminders().stocktakeDue).toMatchObject([{ level: 'confidential', lastAt: '2026-11-25', dueAt: '2027-11-25' }]);
  });
});

describe('the list agrees with a plain reading of the register, whichever way SQLite is told to walk it', () => {
  it('random filters, sorts and pages give the rows and total a reference filter and sort in JS gives', () => {
    const l = ledger();
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return xs[seed % xs.length]!;
    };
    const words = ['关于开展', '保密自查', '涉密载体', '管理办法', '工作要点', '会议纪要', '通知'];
    for (let i = 0; i < 40; i += 1) {
      const year = pick([2025, 2026]);
      const id = l.receive({
        title: `${pick(words)}${pick(words)}${i}`,
        docNumber: `${pick(['鲁保发', '鲁办发'])}〔${year}〕${i}号`,
        originUnit: pick(['省国家保密局', '省委办公厅', '市委保密委员会']),
        marking: pick(['机密★10年', '秘密★5年', '秘密★2年', '内部', '机密★长期']),
        issueDate: `${year}-0${pick([1, 2, 3])}-1${pick([1, 2, 3])}`,
        receivedAt: `${year}-04-0${pick([1, 2, 3])}`,
        copies: pick([1, 2, 3]),
      });
      const fate = pick(['keep', 'keep', 'lend', 'destroy', 'transmit', 'reproduce']);
      if (fate === 'reproduce') {
        // Only a 复制件 left: still held, though no original is.
        ok(l.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1, approval: SPOT });
        const originals = ok<DocumentDetail>(l.t.service, 'documents.get', { id })
          .copyList.filter((c) => !c.reproduction)
          .map((c) => c.copyNo);
        ok(l.t.service, 'documents.destroy', {
          items: [{ documentId: id, copyNos: originals }],
          approval: SPOT,
          method: 'shredder',
          place: '保密室',
          destroyers: ['李明'],
          witnesses: ['赵强'],
        });
      }
      if (fate === 'lend')
        ok(l.t.service, 'documents.lend', {
          documentId: id,
          copyNos: [1],
          borrower: { name: pick(['王芳', '赵强']), department: '办公室' },
          dueAt: '2026-12-10',
        });
      if (fate === 'destroy')
        ok(l.t.service, 'documents.destroy', {
          items: [{ documentId: id, copyNos: [1] }],
          approval: SPOT,
          method: 'shredder',
          place: '保密室',
          destroyers: ['李明'],
          witnesses: ['赵强'],
        });
      if (fate === 'transmit')
        ok(l.t.service, 'documents.transmit', { documentId: id, copyNos: [1], toUnit: '市国家保密局', channel: '机要交通', handledBy: '李明' });
    }
    const every = l.list({ limit: 500 }).rows.map((d) => ({
      ...d,
      holders: ok<DocumentDetail>(l.t.service, 'documents.get', { id: d.id })
        .copyList.filter((c) => c.status === 'on_loan')
        .map((c) => c.holder),
    }));
    const rank = { top_secret: 3, secret: 2, confidential: 1, internal: 0 };
    const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
    const key = (sort: string, d: DocumentListItem): (string | number)[] => {
      switch (sort) {
        case 'receiptNo':
          return [d.receiptNo];
        case 'registeredAt':
          return [d.registeredAt, d.id];
        case 'title':
          return [d.title, d.id];
        case 'level':
          return [rank[d.level], d.receiptNo];
        case 'issueDate':
          return [d.issueDate, d.id];
        default:
          return [d.secrecyEnd ?? '', d.id];
      }
    };
    fc.assert(
      fc.property(
        fc.record({
          // Mostly broad filters and early pages, where walking the sort index is chosen; the rest sorts the matches.
          query: fc.constantFrom(undefined, undefined, undefined, '保密自查', '涉密载体', '通知', '鲁办发', '委员会', '关于开展保'),
          levels: fc.constantFrom<LevelCode[] | undefined>(undefined, undefined, ['secret'], ['secret', 'confidential'], ['internal', 'top_secret']),
          status: fc.constantFrom(undefined, undefined, 'held', 'on_loan', 'closed'),
          year: fc.constantFrom(undefined, undefined, 2025, 2026),
          holder: fc.constantFrom(undefined, undefined, undefined, '王芳'),
          sort: fc.constantFrom('receiptNo', 'registeredAt', 'title', 'level', 'issueDate', 'secrecyEnd'),
          order: fc.constantFrom('asc', 'desc'),
          offset: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 45 })),
          limit: fc.integer({ min: 1, max: 12 }),
        }),
        (raw) => {
          const q = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as typeof raw;
          const matching = every
            .filter((d) => !q.query || [d.title, d.docNumber, d.originUnit].some((f) => f.includes(q.query!)))
            .filter((d) => !q.levels || q.levels.includes(d.level))
            .filter((d) => !q.year || d.receiptNo.startsWith(String(q.year)))
            .filter((d) => !q.holder || d.holders.includes(q.holder))
            .filter((d) => {
              const heldCopies = d.counts.in_custody + d.counts.on_loan;
              return q.status === undefined || (q.status === 'held' ? heldCopies > 0 : q.status === 'closed' ? heldCopies === 0 : d.counts.on_loan > 0);
            });
          const sign = q.order === 'desc' ? -1 : 1;
          const sorted = [...matching].sort((a, b) => {
            if (q.sort === 'secrecyEnd' && (a.secrecyEnd === null) !== (b.secrecyEnd === null)) return a.secrecyEnd === null ? 1 : -1;
            const ka = key(q.sort, a);
            const kb = key(q.sort, b);
            for (let i = 0; i < ka.length; i += 1) if (cmp(ka[i]!, kb[i]!) !== 0) return sign * cmp(ka[i]!, kb[i]!);
            return 0;
          });
          const want = { total: matching.length, ids: sorted.slice(q.offset, q.offset + q.limit).map((d) => d.id) };
          const got = l.list(q);
          expect({ total: got.total, ids: got.rows.map((r) => r.id) }).toEqual(want);
          // The same page whichever way it is read: walking the sort's index or sorting every match.
          const query = q as DocumentQuery;
          for (const plan of ['walk', 'sort'] as const) {
            const direct = withRaw(l.t, (db) => listDocuments(db, query, dayOf(l.t.clock.now, 30), plan));
            expect({ plan, total: direct.total, ids: direct.rows.map((r) => r.id) }).toEqual({ plan, ...want });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
