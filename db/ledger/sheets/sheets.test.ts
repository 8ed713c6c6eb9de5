// Register sheets on real ledgers: the rows each register prints and exports, its filters, the marking of the most
// sensitive row and the labels in the three languages.
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../errors';
import { ADMIN, makeLedger, ok, UNIT_NAME, withRaw, type SetUpLedger } from '../../testing';
import { computerInput, mediumInput } from '../devices/fixture';
import { createApprover, onTheSpot } from '../approvals/fixture';
import { receiveInput } from '../documents/fixture';
import { buildSheet, SHEET_NAMES, type SheetLanguage, type SheetName } from './index';

const RECEIVE = (locationId: number, over: Record<string, unknown> = {}) => receiveInput(locationId, { receivedAt: '2026-11-20', ...over });

function documentsLedger() {
  const t = makeLedger();
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const secret = ok<{ id: number }>(t.service, 'documents.receive', RECEIVE(cab, { docNumber: '鲁保发〔2026〕12号' })).id;
  const plain = ok<{ id: number }>(
    t.service,
    'documents.receive',
    RECEIVE(cab, { title: '会议纪要', docNumber: '办〔2026〕5号', marking: '秘密★5年', copies: 1, receivedAt: '2026-11-21' }),
  ).id;
  return { t, cab, secret, plain };
}

const sheet = (t: SetUpLedger, name: SheetName, filters: unknown = {}, language: SheetLanguage = 'zh-CN') =>
  withRaw(t, (db) => buildSheet(db, name, filters, language, { now: t.clock.now }));
const column = (s: { columns: { key: string }[]; rows: string[][] }, key: string) => s.rows.map((r) => r[s.columns.findIndex((c) => c.key === key)]);

describe('the documents register sheet', () => {
  it('one row per item with its 份号 and states, the unit, the title and the marking of the most sensitive row', () => {
    const { t, secret } = documentsLedger();
    ok(t.service, 'documents.lend', { documentId: secret, copyNos: [2], borrower: { name: '王芳' }, dueAt: '2026-12-10', at: '2026-11-24' });
    const s = sheet(t, 'documents', { sort: 'receiptNo', order: 'asc' });
    expect(s).toMatchObject({
      name: 'documents',
      title: '涉密文件登记台账',
      unitName: UNIT_NAME,
      filterText: '全部',
      highestLevel: 'secret',
      markingText: '机密',
    });
    expect(s.columns.map((c) => c.label)).toEqual(['收文编号', '登记日期', '来文单位', '文号', '标题', '密级及保密期限', '份数', '份号', '状态', '应清退日期']);
    expect(s.rows).toEqual([
      [
        '2026-0001',
        '2026-11-20',
        '省国家保密局',
        '鲁保发〔2026〕12号',
        '关于开展年度保密自查自评工作的通知',
        '机密★10年',
        '3',
        '0001-0003',
        '在柜 2、借出 1',
        '',
      ],
      ['2026-0002', '2026-11-21', '省国家保密局', '办〔2026〕5号', '会议纪要', '秘密★5年', '1', '0001', '在柜 1', ''],
    ]);
  });

  it('prints with the filters the register shows, and says them; the marking follows the rows printed', () => {
    const { t } = documentsLedger();
    const s = sheet(t, 'documents', { levels: ['confidential'], year: 2026 });
    expect(column(s, 'title')).toEqual(['会议纪要']);
    expect(s).toMatchObject({ title: '涉密文件登记台账 2026年度', filterText: '密级：秘密；年度：2026', highestLevel: 'confidential', markingText: '秘密' });
    expect(sheet(t, 'documents', { query: '不存在的标题' })).toMatchObject({ rows: [], highestLevel: null, markingText: '' });
  });

  it('speaks zh-TW and en', () => {
    const { t } = documentsLedger();
    const tw = sheet(t, 'documents', { levels: ['secret'] }, 'zh-TW');
    expect(tw).toMatchObject({ title: '涉密文件登記台帳', filterText: '密級：機密', markingText: '機密' });
    expect(tw.columns[0]!.label).toBe('收文編號');
    const en = sheet(t, 'documents', { status: 'held' }, 'en');
    expect(en).toMatchObject({ title: 'Register of classified documents', filterText: 'Status: Held', markingText: 'Secret' });
    expect(column(en, 'status')).toContain('In custody 3');
  });

  it('refuses filters the register does not take, with E_VALIDATION', () => {
    const { t } = documentsLedger();
    for (const bad of [{ levels: ['unknown'] }, { limit: 10 }, { year: 'last' }, 'documents']) {
      const err = (() => {
        try {
          sheet(t, 'documents', bad);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(LedgerError);
      expect((err as LedgerError).code).toBe('E_VALIDATION');
    }
  });
});

describe('the registers of events (收文, 发文, 借阅, 复制)', () => {
  it('each lists its own events with the item, the 份号 and the people', () => {
    const { t, secret, plain } = documentsLedger();
    ok(t.service, 'documents.lend', {
      documentId: secret,
      copyNos: [1],
      borrower: { name: '王芳', department: '办公室' },
      dueAt: '2026-12-10',
      at: '2026-11-21',
    });
    ok(t.service, 'documents.returnLoan', { documentId: secret, copyNos: [1], condition: 'missing_pages', receivedBy: '李明', at: '2026-11-23' });
    ok(t.service, 'documents.lend', { documentId: secret, copyNos: [2], borrower: { name: '王芳' }, dueAt: '2026-12-10', at: '2026-11-24' });
    ok(t.service, 'documents.transmit', { documentId: plain, copyNos: [1], toUnit: '市国家保密局', channel: '机要交通', handledBy: '李明', at: '2026-11-22' });
    const approver = createApprover(t, '陈主任');
    ok(t.service, 'documents.copy', { documentId: secret, sourceCopyNo: 3, count: 2, approval: onTheSpot(approver.id, approver.password), at: '2026-11-25' });

    const received = sheet(t, 'received');
    expect(received).toMatchObject({ title: '收文登记簿', markingText: '机密' });
    expect(column(received, 'signedBy')).toEqual(['李明', '李明']);
    expect(column(received, 'scope')).toEqual(['办公室、王芳', '办公室、王芳']);

    const dispatched = sheet(t, 'dispatched');
    expect(dispatched.rows).toEqual([['2026-11-22', '2026-0002', '办〔2026〕5号', '会议纪要', '秘密★5年', '0001', '市国家保密局', '机要交通', '李明', '', '']]);
    expect(dispatched.markingText).toBe('秘密');

    const loans = sheet(t, 'loans');
    expect(loans.rows.map((r) => [r[0], r[4], r[5], r[9], r[10], r[11]])).toEqual([
      ['2026-11-21', '0001', '王芳', '2026-11-23', '缺页', '李明'],
      ['2026-11-24', '0002', '王芳', '', '', ''],
    ]);

    const copies = sheet(t, 'copies', { year: 2026 });
    expect(copies.rows).toEqual([
      [
        '2026-11-25',
        '2026-0001',
        '鲁保发〔2026〕12号',
        '关于开展年度保密自查自评工作的通知',
        '机密★10年',
        '0003',
        '0004-0005',
        '2',
        '陈主任（当面审批）',
        ADMIN.displayName,
      ],
    ]);
    expect(sheet(t, 'copies', { year: 2025 }).rows).toEqual([]);
    expect(sheet(t, 'loans', { levels: ['confidential'] }).rows).toEqual([]);
  });
});

describe('the device registers and the media usage log', () => {
  it('split classified from 非涉密, label the terms, and mark the most sensitive device', () => {
    const t = makeLedger();
    const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1, { level: 'top_secret' })).id;
    ok(t.service, 'computers.register', computerInput(2, { level: 'non_secret', network: 'internet' }));
    const usb = ok<{ id: number }>(t.service, 'media.register', mediumInput(1, { level: 'secret' })).id;
    ok(t.service, 'media.register', mediumInput(2, { level: 'non_secret', type: 'disc' }));
    ok(t.service, 'media.logUsage', {
      mediumId: usb,
      computerId: pc,
      user: '李明',
      purpose: '拷贝会议材料',
      dataLevel: 'confidential',
      at: '2026-11-20T02:00:00.000Z',
    });
    ok(t.service, 'media.logUsage', { mediumId: usb, computerId: pc, user: '王芳', purpose: '打印通知', dataLevel: 'secret', at: '2026-11-21T02:00:00.000Z' });

    const secretPcs = sheet(t, 'secret-computers');
    expect(secretPcs).toMatchObject({ title: '涉密计算机登记备案表', highestLevel: 'top_secret', markingText: '绝密' });
    expect(column(secretPcs, 'code')).toEqual(['BM-JSJ-1']);
    expect(column(secretPcs, 'network')).toEqual(['单机']);
    const plainPcs = sheet(t, 'plain-computers', {}, 'en');
    expect(plainPcs).toMatchObject({ highestLevel: null, markingText: '' });
    expect(column(plainPcs, 'network')).toEqual(['Internet']);
    expect(column(sheet(t, 'secret-media'), 'type')).toEqual(['U盘']);
    expect(column(sheet(t, 'plain-media', {}, 'zh-TW'), 'type')).toEqual(['光盤']);
    expect(sheet(t, 'secret-computers', { status: 'stopped' })).toMatchObject({ rows: [], filterText: '状态：停用' });

    const usage = sheet(t, 'media-usage', { mediumId: usb });
    expect(usage).toMatchObject({ title: '介质使用登记', filterText: '介质编号：BM-U-1', highestLevel: 'secret' });
    expect(column(usage, 'user')).toEqual(['李明', '王芳']);
    expect(column(usage, 'dataLevel')).toEqual(['秘密', '机密']);
  });

  it('every sheet builds on an empty ledger in every language, with as many cells as columns', () => {
    const t = makeLedger();
    // A statistics list is of one figure and its dates; every other register lists all without filters.
    const filtersOf = (name: SheetName) => (name === 'statistics' ? { figure: 'received', from: '2026-01-01', to: '2026-12-31' } : {});
    for (const name of SHEET_NAMES) {
      for (const language of ['zh-CN', 'zh-TW', 'en'] as const) {
        const s = sheet(t, name, filtersOf(name), language);
        expect(s).toMatchObject({ name, rows: [], highestLevel: null, markingText: '', unitName: UNIT_NAME });
        expect(s.columns.every((c) => c.label.length > 0 && c.width > 0)).toBe(true);
      }
    }
  });
});

describe("the year of an event is the year on the custodian's calendar", () => {
  it('a loan at 01:00 on 1 January, Beijing time (still 31 December in UTC), belongs to the new year', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const { t, cab } = documentsLedger();
      // Received before the loan: nothing happens before its registration.
      const secret = ok<{ id: number }>(
        t.service,
        'documents.receive',
        RECEIVE(cab, { docNumber: '鲁保发〔2025〕9号', issueDate: '2025-12-01', receivedAt: '2025-12-01' }),
      ).id;
      ok(t.service, 'documents.lend', { documentId: secret, copyNos: [1], borrower: { name: '王芳' }, dueAt: '2026-01-10', at: '2025-12-31T17:00:00.000Z' });
      expect(column(sheet(t, 'loans', { year: 2026 }), 'lentAt')).toEqual(['2026-01-01']);
      expect(sheet(t, 'loans', { year: 2025 }).rows).toEqual([]);
    } finally {
      process.env.TZ = tz;
    }
  });
});
