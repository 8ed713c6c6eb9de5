// 统计's audit chain: its head now and the last check of the whole chain (audit.verify) with what it found, on screen
// (statistics.figures) and on the printout (its footer names the head with its hash); a chain never checked says so, never 完整.
import { describe, expect, it } from 'vitest';
import type { ReportBlock } from '../../domain/report';
import { ADMIN, makeLedger, ok } from '../../testing';
import type { StatisticsView } from '../../views';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('the audit chain in the statistics', () => {
  it('names the head, the last check by whom and what it found, and the checks in the dates; never checked, it says so', () => {
    const t = makeLedger();
    const before = ok<StatisticsView>(t.service, 'statistics.figures', YEAR).auditChain;
    expect(before).toMatchObject({ lastCheck: null, checksInDates: 0 });
    expect(before.headSeq).toBeGreaterThan(0);

    const verified = ok<{ intact: boolean; count: number }>(t.service, 'audit.verify', {});
    const after = ok<StatisticsView>(t.service, 'statistics.figures', YEAR).auditChain;
    expect(after).toMatchObject({ lastCheck: { by: ADMIN.displayName, intact: true, count: verified.count, firstBroken: null }, checksInDates: 1 });
    expect(ok<StatisticsView>(t.service, 'statistics.figures', { from: '2025-01-01', to: '2025-12-31' }).auditChain.checksInDates).toBe(0);

    const blocks = ok<{ document: { blocks: ReportBlock[] } }>(t.service, 'print.prepare', { request: { kind: 'statistics', ...YEAR } }).document.blocks;
    const last = blocks.at(-1);
    expect(blocks.at(-2)).toEqual({ kind: 'heading', level: 1, text: '审计链' });
    expect(last).toMatchObject({ kind: 'paragraph' });
    const text = (last as { text: string }).text;
    expect(text).toMatch(
      new RegExp(`^审计日志现有 \\d+ 条；最近一次校验 2026-\\d\\d-\\d\\d \\d\\d:\\d\\d（${ADMIN.displayName}）：完整，共 ${verified.count} 条；本期校验 1 次$`),
    );
  });
});
