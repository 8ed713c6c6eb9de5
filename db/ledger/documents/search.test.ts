// The register finds by number (issue 15): a 收文编号 whole or by its number, a 份号, a 文号 in any written form
// (〔〕 [] () （）, spaces, full or half width), beside 标题 and 来文单位; documents.lookup answers what a number names
// exactly, so that a typed or scanned number matching one item can open it.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, refused, withRaw, type SetUpLedger } from '../../testing';
import type { DocumentListItem } from '../../views';
import { dayOf, listDocuments, type Plan } from './queries';

let t: SetUpLedger;
const ids: Record<string, number> = {};

const list = (query: string, more: Record<string, unknown> = {}) =>
  ok<{ total: number; rows: DocumentListItem[] }>(t.service, 'documents.list', { query, limit: 500, ...more });
const found = (query: string, more: Record<string, unknown> = {}) => {
  const { total, rows } = list(query, more);
  expect(total).toBe(rows.length);
  return rows.map((r) => r.receiptNo).sort();
};
const lookup = (query: string) => ok<DocumentListItem[]>(t.service, 'documents.lookup', { query }).map((r) => r.receiptNo);

/** Five items over two years (each test its own ledger: the temp ledger is removed when its test ends). */
function setUp(): void {
  t = makeLedger();
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const receive = (name: string, over: Record<string, unknown>) => {
    ids[name] = ok<{ id: number }>(t.service, 'documents.receive', {
      originUnit: '省国家保密局',
      title: '关于做好年度工作的通知',
      marking: '秘密★5年',
      issueDate: '2025-01-10',
      scope: ['办公室'],
      copies: 2,
      locationId: cab,
      signedBy: '李明',
      ...over,
    }).id;
  };
  receive('last1', { receivedAt: '2025-02-01', docNumber: '鲁保发〔2025〕1号' }); // 2025-0001
  receive('last2', { receivedAt: '2025-02-02', docNumber: '鲁保发〔2025〕2号' }); // 2025-0002
  receive('one', { receivedAt: '2026-11-20', docNumber: '鲁保发〔2026〕12号', title: '关于开展保密自查自评工作的通知' }); // 2026-0001
  receive('two', { receivedAt: '2026-11-21', docNumber: '鲁办发（２０２６）７号', originUnit: '省委办公厅', copies: 3, firstCopyNo: 41 }); // 2026-0002
  receive('three', { receivedAt: '2026-11-22', docNumber: '', title: '保密工作会议纪要', originUnit: '市委保密委员会' }); // 2026-0003
}

describe('the register finds by number', () => {
  it('a 收文编号 whole, or by its number with or without the zeros, in any year', () => {
    setUp();
    expect(found('2026-0002')).toEqual(['2026-0002']);
    expect(found('2026－0002')).toEqual(['2026-0002']);
    expect(found('2026-2')).toEqual(['2026-0002']);
    expect(found('0002')).toEqual(['2025-0002', '2026-0002']);
    expect(found('3')).toEqual(['2026-0003']);
    expect(found(' 0003 ', { year: 2026 })).toEqual(['2026-0003']);
  });

  it('a 文号 with or without its brackets and spaces, in full or half width, whole or in part', () => {
    setUp();
    for (const q of [
      '鲁保发〔2026〕12号',
      '鲁保发2026 12号',
      '鲁保发[2026]12号',
      '鲁保发(2026)12号',
      '鲁保发（2026）12号',
      '鲁保发 〔２０２６〕 １２ 号',
      '2026〕12号',
      '202612',
    ])
      expect({ q, found: found(q) }).toEqual({ q, found: ['2026-0001'] });
    // Stored in full width with round brackets, found as typed in half width with the usual ones.
    for (const q of ['鲁办发〔2026〕7号', '鲁办发2026 7号', '鲁办发(2026)7号']) expect({ q, found: found(q) }).toEqual({ q, found: ['2026-0002'] });
    expect(found('鲁保发2025')).toEqual(['2025-0001', '2025-0002']);
  });

  it('a 份号 as 份号 N or 第N份 (份號 N, copy N)', () => {
    setUp();
    expect(found('份号 42')).toEqual(['2026-0002']);
    expect(found('份号：0043')).toEqual(['2026-0002']);
    expect(found('第41份')).toEqual(['2026-0002']);
    expect(found('份號 41')).toEqual(['2026-0002']);
    expect(found('Copy no. 41')).toEqual(['2026-0002']);
    expect(found('份号 1')).toEqual(['2025-0001', '2025-0002', '2026-0001', '2026-0003']);
    expect(found('份号 44')).toEqual([]);
  });

  it('标题 and 来文单位 as before, beside the numbers', () => {
    setUp();
    expect(found('自查自评')).toEqual(['2026-0001']);
    expect(found('纪要')).toEqual(['2026-0003']);
    expect(found('省委办公厅')).toEqual(['2026-0002']);
    expect(found('保密')).toEqual(['2025-0001', '2025-0002', '2026-0001', '2026-0003']);
  });

  it('pages and counts the numbers and the text together', () => {
    setUp();
    const first = list('0002', { limit: 1, offset: 0, sort: 'receiptNo', order: 'asc' });
    const second = list('0002', { limit: 1, offset: 1, sort: 'receiptNo', order: 'asc' });
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([...first.rows, ...second.rows].map((r) => r.receiptNo)).toEqual(['2025-0002', '2026-0002']);
  });
});

describe('the register finds by number, walking the sort index or sorting', () => {
  it('gives the same rows either way', () => {
    setUp();
    withRaw(t, (db) => {
      const day = dayOf(t.clock.now, 30);
      for (const query of ['0002', '2026-0002', '鲁保发2026 12号', '份号 1', '保密', '1']) {
        const want = found(query, { sort: 'receiptNo', order: 'asc' });
        for (const plan of ['walk', 'sort'] as Plan[]) {
          const got = listDocuments(db, { query, sort: 'receiptNo', order: 'asc', offset: 0, limit: 500 }, day, plan);
          expect({ query, plan, rows: got.rows.map((r) => r.receiptNo).sort() }).toEqual({ query, plan, rows: want });
        }
      }
    });
  });
});

describe('documents.lookup: what a number names exactly', () => {
  it('one item by its 收文编号, its 文号 in any form, or a 份号 only it holds', () => {
    setUp();
    expect(lookup('2026-0002')).toEqual(['2026-0002']);
    expect(lookup('2026-0003')).toEqual(['2026-0003']);
    expect(lookup('鲁保发2026 12号')).toEqual(['2026-0001']);
    expect(lookup('鲁办发(2026)7号')).toEqual(['2026-0002']);
    expect(lookup('份号 42')).toEqual(['2026-0002']);
  });

  it('every item a number names when it names several (the newest first), none for a part of a 文号 or a word of a title', () => {
    setUp();
    expect(lookup('0002')).toEqual(['2026-0002', '2025-0002']);
    expect(lookup('份号 1')).toEqual(['2026-0003', '2026-0001', '2025-0002', '2025-0001']);
    expect(lookup('2026〕12')).toEqual([]);
    expect(lookup('自查自评')).toEqual([]);
    expect(lookup('9999')).toEqual([]);
  });

  it('a query that is too long or empty is refused by its schema', () => {
    setUp();
    expect(refused(t.service, 'documents.lookup', { query: 'x'.repeat(101) }).code).toBe('E_VALIDATION');
    expect(refused(t.service, 'documents.lookup', { query: '  ' }).code).toBe('E_VALIDATION');
  });
});
