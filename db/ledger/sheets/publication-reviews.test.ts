// 信息公开保密审查登记表 on a real ledger: one row per review in the order of its numbers, the decision and who gave it
// and how, what had to change and that it was changed, what became of the item, and the marking of a still classified
// telegram a review names; filtered by year and state, in each language.
import { describe, expect, it } from 'vitest';
import { UNIT_NAME, ok, okAsync, withRaw } from '../../testing';
import { publicationLedger } from '../publication/fixture';
import { buildSheet, type SheetLanguage } from './index';

const sheet = (l: ReturnType<typeof publicationLedger>, filters: unknown = {}, language: SheetLanguage = 'zh-CN') =>
  withRaw(l.t, (db) => buildSheet(db, 'publication-reviews', filters, language, { now: l.t.clock.now }));

function register() {
  const l = publicationLedger();
  const a = l.open();
  l.decide(a.id, 'approve_with_changes', { reasons: '第三段涉及内部数字', changes: '删去第三段的统计数字' });
  ok(l.t.service, 'publication.confirmChanges', { id: a.id, note: '已删去', countersign: l.spot });
  l.publish(a.id);
  const b = l.open({ title: '关于做好冬季安全生产工作的电报', documentId: l.telegram.id, department: '应急处', submittedBy: '钱七' });
  l.decide(b.id, 'refuse', { reasons: '密码电报尚未解密' });
  l.open({ channel: 'notice_board' });
  return l;
}

describe('the publication review register sheet', () => {
  it('one row per review: the item, the decision, the reviewer and how, what changed, what became of it; the telegram’s marking', () => {
    const l = register();
    const s = sheet(l, { year: 2026 });
    expect(s).toMatchObject({
      name: 'publication-reviews',
      title: '信息公开保密审查登记表 2026年度',
      unitName: UNIT_NAME,
      markingText: '机密',
      highestLevel: 'secret',
    });
    expect(s.columns.map((c) => c.label)).toEqual([
      '序号',
      '审查编号',
      '送审日期',
      '拟公开信息',
      '送审部门',
      '承办人',
      '公开方式',
      '审查意见',
      '审查理由及修改要求',
      '审查人',
      '审查日期',
      '公开情况',
    ]);
    expect(s.rows).toEqual([
      [
        '1',
        'GK-2026-001',
        '2026-11-24',
        '2026年度政务公开工作总结',
        '办公室',
        '赵六',
        '网站',
        '修改后公开',
        '第三段涉及内部数字；须修改：删去第三段的统计数字；已修改：已删去（王局长 2026-11-25 确认）',
        '王局长（当面签核）',
        '2026-11-25',
        '已公开 2026-11-25 门户网站 政务公开栏目',
      ],
      [
        '2',
        'GK-2026-002',
        '2026-11-24',
        `关于做好冬季安全生产工作的电报（${l.telegram.receiptNo}，密码电报）`,
        '应急处',
        '钱七',
        '网站',
        '不予公开',
        '密码电报尚未解密',
        '王局长（当面签核）',
        '2026-11-25',
        '不予公开',
      ],
      ['3', 'GK-2026-003', '2026-11-24', '2026年度政务公开工作总结', '办公室', '赵六', '公开栏', '', '', '', '', '待审查'],
    ]);
  });

  it('filters by state and says so; in English; another year is empty and unmarked', () => {
    const l = register();
    const pending = sheet(l, { state: 'pending' });
    expect(pending.filterText).toBe('审查状态：待审查');
    expect(pending.rows.map((r) => r[1])).toEqual(['GK-2026-003']);
    expect(pending).toMatchObject({ markingText: '', highestLevel: null });
    const en = sheet(l, {}, 'en');
    expect(en.title).toBe('Register of secrecy reviews before publication');
    expect(en.rows[0]![7]).toBe('Publish after changes');
    expect(en.rows[0]![9]).toBe('王局长 (Countersigned on the spot)');
    expect(sheet(l, { year: 2025 }).rows).toEqual([]);
    expect(() => sheet(l, { state: 'approved' })).toThrow();
  });

  it('exports as printed: the same rows to a spreadsheet, with the marking', async () => {
    const l = register();
    const out = await okAsync<{ fileName: string; rows: number; marking: string }>(l.t.service, 'export.register', {
      register: 'publication-reviews',
      filters: { year: 2026 },
      format: 'csv',
    });
    expect(out).toMatchObject({ rows: 3, marking: '机密' });
    expect(out.fileName).toMatch(/^信息公开保密审查登记表 2026年度-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
