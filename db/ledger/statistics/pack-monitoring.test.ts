// The annual pack's check 涉密计算机安装三合一、违规外联监控, answered from the computers' security fields: a classified
// computer of the year without either recorded as installed is an exception, not installed and not recorded each in
// words of its own; non-classified computers are not asked.
import { describe, expect, it } from 'vitest';
import type { ReportBlock, ReportDocument } from '../../domain/report';
import { ok, withRaw } from '../../testing';
import { devices } from '../devices/fixture';
import { packChecks } from './pack-checks';

const YEAR = { year: 2026, range: { from: '2026-01-01', to: '2026-12-31' }, asOf: '2026-11-25' };
const monitoring = (d: ReturnType<typeof devices>, language: 'zh-CN' | 'en' = 'zh-CN') =>
  withRaw(d.t, (db) => packChecks(db, YEAR, language).find((c) => c.check === 'monitoring')!);

describe('the annual pack: 三合一 and 违规外联监控', () => {
  it('conforms when every classified computer has both installed', () => {
    const d = devices();
    d.computer({ monitoring: true, threeInOne: true });
    d.computer({ level: 'non_secret', network: 'internet' });
    expect(monitoring(d)).toMatchObject({ checked: 1, exceptions: [], verdict: 'conforms' });
  });

  it('names each computer without them, not installed apart from not recorded', () => {
    const d = devices();
    d.computer({ monitoring: true, threeInOne: true });
    d.computer({ monitoring: false, threeInOne: true });
    d.computer();
    const pc = d.computer({ monitoring: true, threeInOne: false });
    expect(monitoring(d)).toMatchObject({
      checked: 4,
      verdict: 'exceptions',
      exceptions: ['BM-JSJ-2（未安装违规外联监控）', 'BM-JSJ-3（未记录违规外联监控、未记录三合一）', 'BM-JSJ-4（未安装三合一）'],
    });
    expect(monitoring(d, 'en').exceptions[0]).toBe('BM-JSJ-2 (no outbound monitoring)');
    // Recorded since through the change path: it conforms.
    d.write('computers.change', { id: pc, change: { threeInOne: true } });
    expect(monitoring(d).exceptions).toHaveLength(2);
  });

  it('with no classified computer in the year: nothing of the kind', () => {
    const d = devices();
    d.computer({ level: 'non_secret', network: 'internet' });
    expect(monitoring(d)).toMatchObject({ checked: 0, verdict: 'nothing' });
  });
});

describe('the annual pack: the classified computers’ list', () => {
  it('says of each whether the 三合一 and the 违规外联监控 are installed, as the register records them', () => {
    const d = devices();
    d.computer({ monitoring: true, threeInOne: true });
    d.computer({ monitoring: false, threeInOne: true });
    d.computer();
    const { document } = ok<{ document: ReportDocument }>(d.t.service, 'statistics.pack', { year: 2026 });
    const list = document.blocks.find((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table' && b.caption === '涉密计算机登记备案')!;
    const column = (label: string) => list.rows.map((r) => r[list.columns.findIndex((c) => c.label === label)]);
    expect(column('编号')).toEqual(['BM-JSJ-1', 'BM-JSJ-2', 'BM-JSJ-3']);
    expect(column('三合一')).toEqual(['已安装', '已安装', '未记录']);
    expect(column('违规外联监控')).toEqual(['已安装', '未安装', '未记录']);
  });
});
