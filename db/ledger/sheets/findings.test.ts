// 问题整改登记表 (issue 19): one row per finding in the order found, with its source, standing plan (a changed deadline
// beside the first), the close that stands and who confirmed it, and its state; marked by the most secret item it names.
import { describe, expect, it } from 'vitest';
import { ok, withRaw } from '../../testing';
import { findingsLedger, type FindingsLedger } from '../findings/fixture';
import { buildSheet } from './index';

const sheet = (l: FindingsLedger, filters: unknown = {}, language: 'zh-CN' | 'en' = 'zh-CN') =>
  withRaw(l.t, (db) => buildSheet(db, 'findings', filters, language, { now: l.t.clock.now }));
const column = (s: { columns: { key: string }[]; rows: string[][] }, key: string) => s.rows.map((r) => r[s.columns.findIndex((c) => c.key === key)]);

describe('the findings register', () => {
  it('prints each finding with its source, plan, close, confirmer and state', () => {
    const l = findingsLedger();
    const a = l.register({ foundOn: '2026-11-18' }).id;
    const b = l.register({
      source: 'computer_check',
      computerId: l.computer,
      sourceRef: '',
      description: '未安装违规外联监控',
      severity: 'grave',
      foundOn: '2026-11-21',
    }).id;
    l.register({
      source: 'stocktake',
      stocktakeId: l.stocktake.id,
      sourceRef: '',
      description: '二号柜一份缺失',
      deadline: '2026-11-22',
      foundOn: '2026-11-21',
    });
    ok(l.t.service, 'findings.changePlan', { id: b, deadline: '2027-01-15', measures: '安装违规外联监控并登记', reason: '待采购' });
    l.close(a, { confirmation: l.onTheSpot() });
    l.close(b, { done: '已安装', closedOn: '2026-11-25' });
    const s = sheet(l);
    expect(s).toMatchObject({ title: '问题整改登记表', filterText: '全部', markingText: '机密' });
    expect(s.columns.map((c) => c.label)).toEqual([
      '编号',
      '发现日期',
      '来源',
      '发现的问题',
      '部门 / 部位',
      '程度',
      '整改责任人',
      '整改期限',
      '整改措施',
      '整改情况',
      '完成日期',
      '确认人',
      '状态',
    ]);
    expect(s.rows).toEqual([
      [
        'ZG-2026-001',
        '2026-11-18',
        '自查（2026年度保密自查）',
        '保密柜钥匙未随身保管',
        '办公室 保密室',
        '一般',
        '李明',
        '2026-12-20',
        '钥匙由保密员随身保管，下班前检查',
        '已配发钥匙盒，保密员随身保管',
        '2026-11-24',
        '王局长（当面确认）',
        '已整改',
      ],
      [
        'ZG-2026-002',
        '2026-11-21',
        '计算机检查 BM-JSJ-1',
        '未安装违规外联监控',
        '办公室 保密室',
        '严重',
        '李明',
        '2027-01-15（原 2026-12-20）',
        '安装违规外联监控并登记',
        '已安装',
        '2026-11-25',
        '',
        '整改完成待确认',
      ],
      [
        'ZG-2026-003',
        '2026-11-21',
        `清查 ${l.stocktake.no}`,
        '二号柜一份缺失',
        '办公室 保密室',
        '一般',
        '李明',
        '2026-11-22',
        '钥匙由保密员随身保管，下班前检查',
        '',
        '',
        '',
        '逾期未整改',
      ],
    ]);
    const overdue = sheet(l, { status: 'overdue' });
    expect(overdue.filterText).toBe('状态：逾期未整改');
    expect(column(overdue, 'findingNo')).toEqual(['ZG-2026-003']);
    expect(sheet(l, { year: 2026 }).title).toBe('问题整改登记表 2026年度');
    const en = sheet(l, {}, 'en');
    expect(en.title).toBe('Register of findings and rectification');
    expect(column(en, 'findingStatus')).toEqual(['Rectified', 'Done, awaiting confirmation', 'Overdue']);
  });

  it('a self-inspection finding alone is not marked; a close sent back shows in the history, not on the row', () => {
    const l = findingsLedger();
    const a = l.register().id;
    l.close(a);
    l.confirm(a, 'rejected', '未落实');
    const s = sheet(l);
    expect(s.markingText).toBe('');
    expect(column(s, 'done')).toEqual(['']);
    expect(column(s, 'findingStatus')).toEqual(['整改中']);
  });
});
