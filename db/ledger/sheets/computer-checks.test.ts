// 计算机检查记录 as a register sheet (the printout and the export read it), and the security columns of the computer
// registers, on a real ledger.
import { describe, expect, it } from 'vitest';
import { ok, okAsync, withRaw } from '../../testing';
import { devices } from '../devices/fixture';
import { csvOf } from '../transfer/fixture';
import { buildSheet } from './index';

const column = (s: { columns: { key: string }[]; rows: string[][] }, key: string) => s.rows.map((r) => r[s.columns.findIndex((c) => c.key === key)]);

function ledger() {
  const d = devices();
  const a = d.computer({ level: 'secret', monitoring: true, threeInOne: true, securityProducts: [{ name: '三合一', version: 'V3.2' }] });
  const b = d.computer({ level: 'top_secret', name: '机要机' });
  d.write('computers.check', { computerId: a, kind: 'antivirus', checker: '王芳', result: 'normal', at: '2026-11-02' });
  d.write('computers.check', { computerId: b, kind: 'outbound', checker: '王芳', result: 'problems', problems: '外联告警一次，已处置', at: '2026-11-10' });
  d.write('computers.check', { computerId: a, kind: 'secrecy', checker: '李明', result: 'normal', at: '2026-10-20' });
  return { d, a, b };
}

describe('计算机检查记录 (sheet computer-checks)', () => {
  it('one row per check in the order done, the computer, its level, kind, checker, result and problems; marked by the most secret computer', () => {
    const { d } = ledger();
    const sheet = withRaw(d.t, (db) => buildSheet(db, 'computer-checks', {}, 'zh-CN'));
    expect(sheet.title).toBe('计算机检查记录');
    expect(sheet.columns.map((c) => c.label)).toEqual(['序号', '日期', '计算机编号', '名称', '密级', '检查类型', '检查人', '检查结果', '发现问题', '登记人']);
    expect(sheet.rows).toEqual([
      ['1', '2026-10-20', 'BM-JSJ-1', '办公计算机1', '机密', '保密检查', '李明', '正常', '', '张伟'],
      ['2', '2026-11-02', 'BM-JSJ-1', '办公计算机1', '机密', '病毒查杀', '王芳', '正常', '', '张伟'],
      ['3', '2026-11-10', 'BM-JSJ-2', '机要机', '绝密', '违规外联检查', '王芳', '发现问题', '外联告警一次，已处置', '张伟'],
    ]);
    expect(sheet.markingText).toBe('绝密');
    expect(sheet.filterText).toBe('全部');
  });

  it('filtered to one computer, a kind and a year; the title names the year; zh-TW and en', () => {
    const { d, a } = ledger();
    const one = withRaw(d.t, (db) => buildSheet(db, 'computer-checks', { computerId: a, kind: 'antivirus', year: 2026 }, 'zh-CN'));
    expect(one.title).toBe('计算机检查记录 2026年度');
    expect(one.filterText).toBe('计算机编号：BM-JSJ-1；检查类型：病毒查杀；年度：2026');
    expect(one.rows.map((r) => r[5])).toEqual(['病毒查杀']);
    expect(one.markingText).toBe('机密');
    const en = withRaw(d.t, (db) => buildSheet(db, 'computer-checks', {}, 'en'));
    expect(en.title).toBe('Computer check record');
    expect(en.rows[2]!.slice(4, 8)).toEqual(['Top secret', 'Outbound connection check', '王芳', 'Problems found']);
    expect(withRaw(d.t, (db) => buildSheet(db, 'computer-checks', {}, 'zh-TW')).columns[5]!.label).toBe('檢查類型');
    expect(() => withRaw(d.t, (db) => buildSheet(db, 'computer-checks', { kind: 'wipe' }, 'zh-CN'))).toThrow();
  });

  it('exports as CSV through export.register', async () => {
    const { d } = ledger();
    const out = await okAsync<{ data: string }>(d.t.service, 'export.register', { register: 'computer-checks', filters: {}, format: 'csv', language: 'zh-CN' });
    const text = Buffer.from(out.data, 'base64').toString('utf8');
    expect(text).toContain('发现问题');
    expect(text).toContain('外联告警一次，已处置');
  });
});

describe('the computer registers’ security columns', () => {
  it('违规外联监控, 三合一 (已安装 / 未安装 / 未记录) and the products with versions', () => {
    const { d, b } = ledger();
    d.write('computers.change', {
      id: b,
      change: {
        monitoring: false,
        securityProducts: [
          { name: '奇安信天擎', version: '10.0' },
          { name: '三合一', version: '' },
        ],
      },
    });
    const sheet = withRaw(d.t, (db) => buildSheet(db, 'secret-computers', {}, 'zh-CN'));
    expect(sheet.columns.slice(-3).map((c) => c.label)).toEqual(['违规外联监控', '三合一', '安全保密产品及版本']);
    expect(column(sheet, 'monitoring')).toEqual(['已安装', '未安装']);
    expect(column(sheet, 'threeInOne')).toEqual(['已安装', '未记录']);
    expect(column(sheet, 'securityProducts')).toEqual(['三合一 V3.2', '奇安信天擎 10.0、三合一']);
  });

  it('an old register’s columns import as the fields: 是 / 否 / blank, products with their versions', async () => {
    const d = devices();
    const header = [
      '编号',
      '名称',
      '品牌型号',
      '序列号',
      '操作系统',
      '密级',
      '联网类型',
      '用途',
      '使用部门',
      '责任人',
      '放置地点',
      '启用日期',
      '违规外联监控',
      '三合一',
      '安全保密产品',
    ];
    const row = (n: number, monitoring: string, three: string, products: string) => [
      `BM-${n}`,
      '办公机',
      '联想',
      `SN-${n}`,
      'Windows 10',
      '机密',
      '单机',
      '文字处理',
      '办公室',
      '李明',
      '保密室',
      '2025-04-01',
      monitoring,
      three,
      products,
    ];
    const csv = csvOf([header, row(1, '是', '√', '三合一 V3.2；奇安信天擎 10.0'), row(2, '否', '', '')], 'utf-8-bom');
    await okAsync(d.t.service, 'import.apply', { register: 'secret-computers', fileName: '涉密计算机.csv', data: csv.toString('base64') });
    const rows = ok<{ rows: { code: string; monitoring: boolean | null; threeInOne: boolean | null; securityProducts: unknown[] }[] }>(
      d.t.service,
      'computers.list',
      {
        classified: true,
      },
    ).rows;
    expect(rows.map((r) => [r.code, r.monitoring, r.threeInOne, r.securityProducts])).toEqual([
      [
        'BM-1',
        true,
        true,
        [
          { name: '三合一', version: 'V3.2' },
          { name: '奇安信天擎', version: '10.0' },
        ],
      ],
      ['BM-2', false, null, []],
    ]);
  });
});
