// 涉密文件传达登记 on a real ledger: one row per conveyance with its document, the plan it was under (range, manner,
// discipline), the conveyor, the audience and how many attended; the marking of the most secret row; the year and one
// document's filters; the words in three languages; and the item's printed history names each step.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, okAsync, withRaw } from '../../testing';
import { receiveInput } from '../documents/fixture';
import { buildHistory, buildSheet, type SheetLanguage } from './index';

function ledger() {
  const t = makeLedger();
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const secret = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, { receivedAt: '2026-11-20' })).id;
  const other = ok<{ id: number }>(
    t.service,
    'documents.receive',
    receiveInput(cab, { title: '会议纪要', marking: '秘密★5年', receivedAt: '2026-11-20', scope: ['财务科'] }),
  ).id;
  ok(t.service, 'documents.planConveyance', {
    documentId: secret,
    range: [{ name: '办公室' }, { name: '王芳' }],
    manner: 'meeting',
    discipline: '不得记录、录音',
    at: '2026-11-21',
  });
  ok(t.service, 'documents.convey', {
    documentId: secret,
    conveyor: '李明',
    audience: [{ name: '张三', department: '办公室' }, { name: '王芳' }],
    attended: 15,
    at: '2026-11-22',
  });
  ok(t.service, 'documents.planConveyance', { documentId: other, range: [{ name: '财务科' }], manner: 'reading', discipline: '阅后即退', at: '2026-11-21' });
  ok(t.service, 'documents.convey', { documentId: other, conveyor: '李明', audience: [{ name: '财务科' }], attended: 4, at: '2026-11-23' });
  return { t, secret, other };
}

const sheet = (t: ReturnType<typeof makeLedger>, filters: unknown = {}, language: SheetLanguage = 'zh-CN') =>
  withRaw(t, (db) => buildSheet(db, 'conveyances', filters, language, { now: t.clock.now }));

describe('the conveyances sheet (涉密文件传达登记)', () => {
  it('one row per conveyance with its document, plan, conveyor, audience and attendance; the marking of the most secret row', () => {
    const { t } = ledger();
    const s = sheet(t);
    expect(s).toMatchObject({ name: 'conveyances', title: '涉密文件传达登记', filterText: '全部', highestLevel: 'secret', markingText: '机密' });
    expect(s.columns.map((c) => c.label)).toEqual([
      '传达时间',
      '收文编号',
      '文号',
      '标题',
      '密级及保密期限',
      '传达范围',
      '传达方式',
      '保密纪律要求',
      '传达人',
      '传达对象',
      '参加人数',
    ]);
    expect(s.rows.map((r) => [r[0], r[1], r[4], r[5], r[6], r[7], r[8], r[9], r[10]])).toEqual([
      ['2026-11-22', '2026-0001', '机密★10年', '办公室、王芳', '会议传达', '不得记录、录音', '李明', '张三（办公室）、王芳', '15'],
      ['2026-11-23', '2026-0002', '秘密★5年', '财务科', '阅件', '阅后即退', '李明', '财务科', '4'],
    ]);
  });

  it('filters by year and by one document, and speaks zh-TW and English', () => {
    const { t, other } = ledger();
    expect(sheet(t, { year: 2025 }).rows).toEqual([]);
    const one = sheet(t, { documentId: other });
    expect(one).toMatchObject({ filterText: '收文编号：2026-0002', highestLevel: 'confidential', markingText: '秘密' });
    expect(one.rows).toHaveLength(1);
    expect(sheet(t, { year: 2026 }, 'zh-TW')).toMatchObject({ title: '涉密文件傳達登記 2026年度' });
    expect(sheet(t, { year: 2026 }, 'zh-TW').rows[0]![6]).toBe('會議傳達');
    const en = sheet(t, {}, 'en');
    expect(en.columns.map((c) => c.label)).toContain('Secrecy discipline');
    expect(en.rows[0]![9]).toBe('张三 (办公室), 王芳');
  });

  it('exports as the printout: the same rows to CSV, the marking first', async () => {
    const { t, secret } = ledger();
    const out = await okAsync<{ fileName: string; data: string; rows: number; marking: string }>(t.service, 'export.register', {
      register: 'conveyances',
      filters: { documentId: secret },
      format: 'csv',
    });
    expect(out).toMatchObject({ rows: 1, marking: '机密' });
    expect(out.fileName).toContain('涉密文件传达登记');
    const csv = Buffer.from(out.data, 'base64').toString('utf8');
    expect(csv).toContain('保密纪律要求');
    expect(csv).toContain('张三（办公室）、王芳');
  });

  it('the item’s printed history names the plan, the conveyance and a publication plan in words', () => {
    const { t, secret } = ledger();
    ok(t.service, 'documents.planPublication', {
      documentId: secret,
      extent: 'part',
      content: '第一部分',
      publishFrom: '2026-12-01',
      channel: '门户网站',
      decision: { way: 'external', body: '省国家保密局', docNo: '鲁保函〔2026〕8号', date: '2026-11-24' },
      at: '2026-11-24',
    });
    const history = withRaw(t, (db) => buildHistory(db, secret, 'zh-CN'));
    const text = history.rows.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('传达方案');
    expect(text).toContain('第1版；传达范围 办公室、王芳；传达方式 会议传达；保密纪律要求 不得记录、录音');
    expect(text).toContain('张三（办公室）、王芳');
    expect(text).toContain('传达人 李明；参加人数 15');
    expect(text).toContain('公开方案');
    expect(text).toContain('方式 门户网站');
    expect(text).toContain('公开程度 部分公开；可公开内容 第一部分；可公开日期 2026-12-01；决定文号 鲁保函〔2026〕8号');
  });
});
