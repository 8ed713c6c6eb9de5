// The documents register at scale: 100,000 documents and 1,000,000 events, written straight into a ledger
// made by LedgerService setup, then measured through the real code paths (service.invoke: validation, roles,
// audit). The same data is built into a plain SQLite file by the same migrations for the encryption ratio.
// Alone: `npx tsx test/bench/documents.ts` (about five minutes); `npm run bench` runs it too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { dayOf, listDocuments, reminderCounts, type DocumentQuery } from '../../db/ledger/documents/queries';
import { writeSettings } from '../../db/ledger/settings';
import { LedgerService } from '../../db/service';
import { passwordSlotId, readKeyFile, unwrapKey } from '../../db/store/keyring';
import { migrate } from '../../db/store/migrate';
import { MIGRATIONS } from '../../db/store/migrations';
import { openLedgerDb } from '../../db/store/open';
import type { Db } from '../../db/store/sql';
import { collector, writeResults } from './results';
import { quantile } from './stats';

export type RecordMetric = (name: string, value: number, unit: string) => void;

export const DOCUMENTS = 100_000;
const EVENTS = 1_000_000;
const DOCS_PER_TRANSACTION = 5_000;
export const BENCH_USER = { unitName: '基准测试单位', username: 'bench', displayName: '基准', password: 'bench12345' };

// ---- a small deterministic world -------------------------------------------------------------

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ['关于', '关于进一步', '关于做好', '关于加强', '关于印发', '关于开展', '关于转发', '关于调整'];
const TOPICS = [
  '保密自查自评',
  '涉密载体管理',
  '网络安全检查',
  '定密工作',
  '保密教育培训',
  '涉密人员管理',
  '保密要害部门部位管理',
  '国家秘密载体销毁',
  '机要文件交换',
  '密码电报管理',
  '年度保密工作要点',
  '信息系统分级保护',
  '涉密会议管理',
  '对外提供资料审查',
  '保密技术防护',
  '宣传报道保密审查',
  '涉密计算机管理',
  '移动存储介质管理',
  '保密检查整改',
  '重大活动保密保障',
];
const SUFFIXES = ['工作的通知', '的意见', '实施方案', '情况的报告', '情况的通报', '会议纪要', '有关事项的函', '的批复', '管理办法', '工作要点'];
const UNITS: [string, string][] = [
  ['山东省国家保密局', '鲁保发'],
  ['中共山东省委办公厅', '鲁办发'],
  ['山东省人民政府办公厅', '鲁政办发'],
  ['济南市国家保密局', '济保发'],
  ['青岛市国家保密局', '青保发'],
  ['国家保密局', '国保发'],
  ['山东省公安厅', '鲁公发'],
  ['山东省财政厅', '鲁财发'],
  ['山东省教育厅', '鲁教发'],
  ['山东省科学技术厅', '鲁科发'],
  ['中共山东省委保密委员会', '鲁保委'],
  ['山东省发展和改革委员会', '鲁发改'],
  ['烟台市国家保密局', '烟保发'],
  ['潍坊市国家保密局', '潍保发'],
  ['山东省工业和信息化厅', '鲁工信发'],
  ['山东省自然资源厅', '鲁自然资发'],
];
const PEOPLE = ['王芳', '李明', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周杰', '吴敏'];
const TO_UNITS = ['济南市国家保密局', '山东省国家保密局', '山东省公安厅', '青岛市国家保密局'];
/** 绝密 2%, 机密 30%, 秘密 50%, 内部 18%. */
function pickLevel(r: number): { level: string; rank: number; name: string; years: number | null } {
  if (r < 0.02) return { level: 'top_secret', rank: 3, name: '绝密', years: null };
  if (r < 0.32) return { level: 'secret', rank: 2, name: '机密', years: [5, 10, 20][Math.floor(r * 1000) % 3]! };
  if (r < 0.82) return { level: 'confidential', rank: 1, name: '秘密', years: [1, 2, 3, 5, 10][Math.floor(r * 1000) % 5]! };
  return { level: 'internal', rank: 0, name: '内部', years: null };
}

const FIRST_YEAR = 2019;
const LAST_YEAR = 2026;
/** Everything happens before mid-October 2026, so no event is in the future when the bench runs. */
const END_MS = Date.UTC(2026, 9, 15);
const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);
const HOUR = 3_600_000;

/**
 * Writes the register: locations, batches, documents with 1-5 copies, and exactly EVENTS events whose replay gives
 * every copy's stored state (receive, lend/return pairs, reviews, and for some a last loan, a destruction, a return to
 * the issuer or a transmission), with their event_copies rows. Identical for the same seed on any connection.
 * Fewer documents (an even number: they pair up) for a quick run keep ten events each.
 */
export function populate(db: Db, seed: number, documents = DOCUMENTS): { copies: number; eventCopies: number } {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  // Loading only: a big page cache keeps the index pages being filled from being written out again and again.
  // (and no fsync per batch: a crash while loading only loses the bench's own scratch file).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  db.pragma('synchronous = OFF');
  const now = iso(END_MS);
  db.prepare(
    `INSERT INTO locations (id, code, name, max_level, keeper, created_at) VALUES (1, 'BMG-01', '一号保密柜', 'secret', NULL, ?), (2, 'BMG-02', '二号保密柜', 'secret', NULL, ?), (3, 'JM-01', '绝密专柜', 'top_secret', '刘专管', ?)`,
  ).run(now, now, now);
  const batchId = new Map<string, number>();
  const insBatch = db.prepare('INSERT INTO batches (id, kind, batch_no, year, seq, at, details, recorded_at, recorded_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)');
  db.transaction(() => {
    let id = 0;
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y += 1) {
      for (const [kind, prefix] of [
        ['destroy', 'XH'],
        ['return', 'QT'],
      ] as const) {
        id += 1;
        insBatch.run(id, kind, `${prefix}-${y}-001`, y, `${y}-12-20`, JSON.stringify({ approver: '陈主任' }), now, 'bench');
        batchId.set(`${kind}${y}`, id);
      }
    }
  })();

  const insDoc =
    db.prepare(`INSERT INTO documents (id, year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, secrecy_end,
      scope, must_return, return_by, attachments, remarks, last_review_year, registered_at, created_at, created_by)
    VALUES (?, ?, ?, ?, 'received', ?, ?, ?, 'paper', ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, 'bench')`);
  const insCopy = db.prepare(
    'INSERT INTO copies (id, document_id, copy_no, reproduction, source_copy_id, status, location_id, holder, holder_department, due_at) VALUES (?, ?, ?, 0, NULL, ?, ?, ?, ?, ?)',
  );
  const insEvent = db.prepare(
    'INSERT INTO events (id, document_id, kind, at, counterpart, approver, batch_id, details, imported, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)',
  );
  const insEventCopy = db.prepare('INSERT INTO event_copies (event_id, copy_id) VALUES (?, ?)');

  const yearSeq = new Map<number, number>();
  let copyId = 0;
  let eventId = 0;
  let eventCopies = 0;
  let delta = 0;
  const load = (from: number, to: number) => {
    for (let doc = from; doc < to; doc += 1) {
      // Events per document: 10 on average, exactly; pairs of documents share a spread of +-0..6.
      if (doc % 2 === 1) delta = 2 * int(4);
      const nEvents = 10 + (doc % 2 === 1 ? delta : -delta);
      const year = FIRST_YEAR + Math.floor(((doc - 1) * (LAST_YEAR - FIRST_YEAR + 1)) / documents);
      const yearStart = Date.UTC(year, 0, 1);
      const yearEnd = Math.min(Date.UTC(year + 1, 0, 1), END_MS) - 40 * 24 * HOUR;
      let t = yearStart + int(yearEnd - yearStart);
      const seq = (yearSeq.get(year) ?? 0) + 1;
      yearSeq.set(year, seq);
      const lv = pickLevel(rnd());
      const [unit, abbrev] = UNITS[int(UNITS.length)]!;
      const title = `${PREFIXES[int(PREFIXES.length)]}${TOPICS[int(TOPICS.length)]}${SUFFIXES[int(SUFFIXES.length)]}`;
      const issueMs = t - (1 + int(20)) * 24 * HOUR;
      const issue = dateOf(issueMs);
      const marking = lv.level === 'internal' ? '内部' : lv.years === null ? `${lv.name}★长期` : `${lv.name}★${lv.years}年`;
      const secrecyEnd =
        lv.years === null ? null : `${Number(issue.slice(0, 4)) + lv.years}${issue.slice(4, 8)}${issue.slice(8) > '28' ? '28' : issue.slice(8)}`;
      const mustReturn = rnd() < 0.2;
      const nCopies = 1 + int(5);
      const location = lv.level === 'top_secret' ? 3 : 1 + int(2);
      const registered = iso(t);

      // The document's life, decided first so the copies can be written with their final state.
      const fate = rnd();
      const final: 'loan' | 'destroy' | 'return' | 'transmit' | null =
        fate < 0.08 ? 'loan' : fate < 0.18 ? (mustReturn ? 'return' : 'destroy') : fate < 0.23 ? 'transmit' : null;
      const middle = nEvents - 1 - (final ? 1 : 0);
      const reviews = middle % 2;
      const pairs = (middle - reviews) / 2;
      let lastReview: number | null = null;

      const events: {
        kind: string;
        at: string;
        counterpart: string | null;
        approver: string | null;
        batch: number | null;
        details: unknown;
        copies: number[];
      }[] = [];
      const firstCopy = copyId + 1;
      const copyIds = Array.from({ length: nCopies }, (_, i) => firstCopy + i);
      events.push({
        kind: 'receive',
        at: registered,
        counterpart: unit,
        approver: null,
        batch: null,
        details: { handledBy: '李明', copies: nCopies },
        copies: copyIds,
      });
      const step = () => {
        t += (1 + int(48)) * HOUR;
        return iso(t);
      };
      for (let p = 0; p < pairs; p += 1) {
        const c = copyIds[int(nCopies)]!;
        const who = PEOPLE[int(PEOPLE.length)]!;
        const lentAt = step();
        events.push({
          kind: 'lend',
          at: lentAt,
          counterpart: who,
          approver: null,
          batch: null,
          details: { department: '办公室', dueAt: dateOf(t + 14 * 24 * HOUR), takenOut: false, outsideScope: false, approval: null },
          copies: [c],
        });
        events.push({
          kind: 'return_loan',
          at: step(),
          counterpart: who,
          approver: null,
          batch: null,
          details: { condition: 'intact', receivedBy: '李明', overdue: [] },
          copies: [c],
        });
      }
      if (reviews) {
        const at = step();
        lastReview = Number(at.slice(0, 4));
        events.push({
          kind: 'review',
          at,
          counterpart: null,
          approver: '陈主任',
          batch: null,
          details: { year: lastReview, conclusion: '维持原密级' },
          copies: [],
        });
      }
      // Final states of the copies (by copy number), all in the cabinet unless the last event says otherwise.
      const state = copyIds.map(() => ({
        status: 'in_custody',
        location: location as number | null,
        holder: null as string | null,
        department: null as string | null,
        due: null as string | null,
      }));
      if (final === 'loan') {
        const at = step();
        const due = dateOf(t + (10 + int(40)) * 24 * HOUR);
        events.push({
          kind: 'lend',
          at,
          counterpart: '王芳',
          approver: null,
          batch: null,
          details: { department: '办公室', dueAt: due, takenOut: false, outsideScope: false, approval: null },
          copies: [copyIds[0]!],
        });
        Object.assign(state[0]!, { status: 'on_loan', holder: '王芳', department: '办公室', due });
      } else if (final === 'destroy' || final === 'return') {
        const at = step();
        const batch = batchId.get(`${final}${at.slice(0, 4)}`) ?? null;
        events.push({
          kind: final === 'destroy' ? 'destroy' : 'return_to_issuer',
          at,
          counterpart: final === 'return' ? unit : null,
          approver: final === 'destroy' ? '陈主任' : null,
          batch,
          details: {},
          copies: copyIds,
        });
        for (const s of state) Object.assign(s, final === 'destroy' ? { status: 'destroyed', location: null } : { status: 'returned', holder: unit });
      } else if (final === 'transmit') {
        const to = TO_UNITS[int(TO_UNITS.length)]!;
        events.push({
          kind: 'transmit',
          at: step(),
          counterpart: to,
          approver: null,
          batch: null,
          details: { channel: '机要交通', handledBy: '李明', approval: null },
          copies: [copyIds[0]!],
        });
        Object.assign(state[0]!, { status: 'transmitted', holder: to });
      }
      if (events.length !== nEvents) throw new Error(`document ${doc}: ${events.length} events, expected ${nEvents}`);

      insDoc.run(
        doc,
        year,
        seq,
        `${year}-${String(seq).padStart(4, '0')}`,
        `${abbrev}〔${year}〕${1 + int(300)}号`,
        title,
        unit,
        lv.level,
        lv.rank,
        marking,
        issue,
        secrecyEnd,
        JSON.stringify(['办公室', '王芳']),
        mustReturn ? 1 : 0,
        mustReturn ? dateOf(t + (60 + int(300)) * 24 * HOUR) : null,
        lastReview,
        registered,
        registered,
      );
      state.forEach((s, i) => insCopy.run(copyIds[i]!, doc, i + 1, s.status, s.location, s.holder, s.department, s.due));
      copyId += nCopies;
      for (const e of events) {
        eventId += 1;
        insEvent.run(eventId, doc, e.kind, e.at, e.counterpart, e.approver, e.batch, JSON.stringify(e.details), e.at, 'bench');
        for (const c of e.copies) insEventCopy.run(eventId, c);
        eventCopies += e.copies.length;
      }
    }
  };
  const batch = db.transaction(load);
  for (let from = 1; from <= documents; from += DOCS_PER_TRANSACTION) batch(from, Math.min(from + DOCS_PER_TRANSACTION, documents + 1));
  const events = (EVENTS / DOCUMENTS) * documents;
  if (eventId !== events) throw new Error(`${eventId} events written, expected ${events}`);
  db.pragma(`cache_size = ${cacheSize}`);
  db.pragma(`synchronous = ${synchronous}`);
  return { copies: copyId, eventCopies };
}

// ---- measuring -------------------------------------------------------------------------------

const ms = (fn: () => void) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

/**
 * 1- and 2-character searches (纪要, 通知, a surname; a digit or two of a 文号), half Chinese from the titles and half
 * digits from the 文号, fixed by the seed.
 */
function shortSearches(titles: string[], docNumbers: string[], seed: number): DocumentQuery[] {
  const rnd = prng(seed);
  return Array.from({ length: 50 }, (_, i): DocumentQuery => {
    const chars = i % 2 ? [...docNumbers[Math.floor(rnd() * docNumbers.length)]!].filter((c) => /\d/.test(c)) : [...titles[Math.floor(rnd() * titles.length)]!];
    const length = 1 + (Math.floor(i / 2) % 2);
    const at = Math.floor(rnd() * (chars.length - length + 1));
    return { query: chars.slice(at, at + length).join(''), sort: 'receiptNo', order: 'desc', offset: 0, limit: 50 };
  });
}

/** What a short search cost before migration 10: LIKE over every item for the count, then the walk for the page. */
function likeScan(db: Db, query: string): void {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `(d.title LIKE @p ESCAPE '\\' OR d.doc_number LIKE @p ESCAPE '\\' OR d.origin_unit LIKE @p ESCAPE '\\')`;
  db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${where}`).get({ p: like });
  db.prepare(`SELECT d.* FROM documents d INDEXED BY documents_receipt_order WHERE ${where} ORDER BY d.year DESC, d.seq DESC LIMIT 50`).all({ p: like });
}

/** The queries both measurements use: a filtered, sorted page and a 3-character search, fixed by the seed. */
function queries(titles: string[], seed: number): { pages: DocumentQuery[]; searches: DocumentQuery[] } {
  const rnd = prng(seed);
  const pages = Array.from({ length: 50 }, (): DocumentQuery => ({
    levels: ['secret', 'confidential'],
    status: 'held',
    sort: 'secrecyEnd',
    order: 'asc',
    offset: Math.floor(rnd() * 100) * 50,
    limit: 50,
  }));
  const searches = Array.from({ length: 50 }, (): DocumentQuery => {
    const chars = [...titles[Math.floor(rnd() * titles.length)]!];
    const at = Math.floor(rnd() * (chars.length - 2));
    return { query: chars.slice(at, at + 3).join(''), sort: 'receiptNo', order: 'desc', offset: 0, limit: 50 };
  });
  return { pages, searches };
}

export function invokeOk(service: LedgerService, name: string, input: unknown): unknown {
  const r = service.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

export const benchLedgerDir = (workDir: string) => join(workDir, 'documents-ledger');

/** The encrypted ledger, made the way the app makes it; the bulk rows go in through the raw key. Signed out. */
export function buildBenchLedger(dir: string, documents = DOCUMENTS): { service: LedgerService; key: Buffer; loadMs: number } {
  const service = new LedgerService({ dir });
  invokeOk(service, 'ledger.setup', BENCH_USER);
  invokeOk(service, 'session.logout', {});
  const keyFile = readKeyFile(service.keyPath);
  const key = unwrapKey(
    keyFile.ledgerId,
    keyFile.slots.find((s) => s.id === passwordSlotId(keyFile.ledgerId, BENCH_USER.username))!,
    BENCH_USER.password,
  )!;
  const loader = openLedgerDb(service.dbPath, key);
  const loadMs = ms(() => populate(loader, 1, documents));
  loader.close();
  return { service, key, loadMs };
}

export async function benchDocuments(record: RecordMetric, workDir: string): Promise<void> {
  const started = Date.now();
  const log = (what: string) => console.log(`  documents: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const { service, key, loadMs } = buildBenchLedger(benchLedgerDir(workDir));
  record('documents.generate_encrypted_s', loadMs / 1000, 's');
  log('encrypted ledger written');

  // The same rows in a plain file, by the same migrations and the same connection settings.
  const plainPath = join(workDir, 'documents-plain.db');
  const plain = new Database(plainPath);
  plain.pragma('journal_mode = WAL');
  plain.pragma('foreign_keys = ON');
  plain.pragma('recursive_triggers = ON');
  plain.pragma('synchronous = FULL');
  migrate(plain, MIGRATIONS);
  // The settings setup writes (the list reads them: the day's reminders, the receipt wait).
  writeSettings(plain, { unitName: BENCH_USER.unitName });
  populate(plain, 1);
  log('plain copy written');

  try {
    invokeOk(service, 'session.login', { username: BENCH_USER.username, password: BENCH_USER.password });
    log('signed in');
    const titles = (plain.prepare('SELECT title FROM documents WHERE id % 97 = 0').all() as { title: string }[]).map((r) => r.title);
    const { pages, searches } = queries(titles, 2);
    const docNumbers = (plain.prepare('SELECT doc_number FROM documents WHERE id % 97 = 0').all() as { doc_number: string }[]).map((r) => r.doc_number);
    const short = shortSearches(titles, docNumbers, 3);

    // Through the service: validation, role check, the query, the result crossing as a value.
    for (const q of [...pages.slice(0, 3), ...searches.slice(0, 3)]) invokeOk(service, 'documents.list', q);
    record(
      'documents.page_query_p95_ms',
      quantile(
        pages.map((q) => ms(() => invokeOk(service, 'documents.list', q))),
        0.95,
      ),
      'ms',
    );
    record(
      'documents.search_p95_ms',
      quantile(
        searches.map((q) => ms(() => invokeOk(service, 'documents.list', q))),
        0.95,
      ),
      'ms',
    );
    for (const q of short.slice(0, 3)) invokeOk(service, 'documents.list', q);
    record(
      'documents.short_search_p95_ms',
      quantile(
        short.map((q) => ms(() => invokeOk(service, 'documents.list', q))),
        0.95,
      ),
      'ms',
    );

    // Recording: a loan and its return on documents with a copy in the cabinet, each one transaction + audit entry.
    const candidates = plain
      .prepare(
        `SELECT c.document_id AS id, c.copy_no AS copyNo FROM copies c JOIN documents d ON d.id = c.document_id
                WHERE c.status = 'in_custody' AND d.level <> 'top_secret' AND c.document_id % 800 = 7 ORDER BY c.document_id LIMIT 100`,
      )
      .all() as { id: number; copyNo: number }[];
    const recordMs: number[] = [];
    for (const c of candidates) {
      recordMs.push(
        ms(() =>
          invokeOk(service, 'documents.lend', { documentId: c.id, copyNos: [c.copyNo], borrower: { name: '王芳', department: '办公室' }, dueAt: '2099-12-31' }),
        ),
      );
      recordMs.push(ms(() => invokeOk(service, 'documents.returnLoan', { documentId: c.id, copyNos: [c.copyNo], receivedBy: '李明' })));
    }
    if (recordMs.length !== 200) throw new Error(`only ${recordMs.length / 2} loan candidates`);
    record('documents.record_event_p95_ms', quantile(recordMs, 0.95), 'ms');
    // What a lock costs at ten years (the idle lock too): its audit entry and what the lock screen keeps.
    const locks = Array.from({ length: 5 }, () => {
      const lockMs = ms(() => invokeOk(service, 'session.lock', {}));
      invokeOk(service, 'session.unlock', { password: BENCH_USER.password });
      return lockMs;
    });
    record('session.lock_ms', quantile(locks, 0.5), 'ms');
    invokeOk(service, 'session.logout', {});

    // The same listDocuments calls on an encrypted and a plain connection, alternating which goes first.
    const encrypted = openLedgerDb(service.dbPath, key);
    try {
      const day = dayOf(Date.now(), 30);
      const all = [...pages, ...searches];
      for (const q of all.slice(0, 10)) {
        listDocuments(encrypted, q, day);
        listDocuments(plain, q, day);
      }
      const enc: number[] = [];
      const pl: number[] = [];
      all.forEach((q, i) => {
        const pair: [number[], Db][] = [
          [enc, encrypted],
          [pl, plain],
        ];
        for (const [out, db] of i % 2 ? pair.reverse() : pair) out.push(ms(() => listDocuments(db, q, day)));
      });
      const half = (xs: number[], from: number) => xs.slice(from, from + 50);
      record('documents.encrypted_query_p50_ms', quantile(enc, 0.5), 'ms');
      record('documents.plain_query_p50_ms', quantile(pl, 0.5), 'ms');
      record('documents.encrypted_vs_plain_page_ratio', quantile(half(enc, 0), 0.5) / quantile(half(pl, 0), 0.5), 'ratio');
      record('documents.encrypted_vs_plain_search_ratio', quantile(half(enc, 50), 0.5) / quantile(half(pl, 50), 0.5), 'ratio');
      // The headline: p50 of the 100 calls (50 pages + 50 searches) encrypted over the same on the plain file.
      record('documents.encrypted_vs_plain_query_ratio', quantile(enc, 0.5) / quantile(pl, 0.5), 'ratio');
      // The short searches' index against the LIKE scan they used before it, on the same connection.
      const indexed = short.map((q) => ms(() => listDocuments(encrypted, q, day)));
      const scanned = short.map((q) => ms(() => likeScan(encrypted, q.query!)));
      record('documents.short_search_like_scan_p95_ms', quantile(scanned, 0.95), 'ms');
      record('documents.short_search_vs_like_scan_ratio', quantile(indexed, 0.95) / quantile(scanned, 0.95), 'ratio');
      // Part of every recorded event: the service recounts the reminders after each command it commits.
      record(
        'documents.reminder_counts_p50_ms',
        quantile(
          Array.from({ length: 20 }, () => ms(() => reminderCounts(encrypted, day))),
          0.5,
        ),
        'ms',
      );
    } finally {
      encrypted.close();
    }
  } finally {
    service.close();
    plain.close();
    key.fill(0);
  }
  log('measured');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-documents-'));
  try {
    const { results, record } = collector();
    await benchDocuments(record, work);
    writeResults(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
