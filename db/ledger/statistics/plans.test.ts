// 统计 of a year must stay quick on a ten-year ledger (issue 17: ≤ 200 ms for 100,000 items and 1,000,000 events):
// every figure reads by index (migration 14), never a whole events, documents, copies or audit table. Only the small
// device registers (device history, media and their use) are read whole.
import { describe, expect, it } from 'vitest';
import { STATISTIC_FIGURES } from '../../domain/statistics';
import { makeLedger, withRaw } from '../../testing';
import { figureQuery, type StatisticsFilters } from './queries';

const PLAIN_SCANS_ALLOWED = new Set(['SCAN v', 'SCAN u', 'SCAN m']);

describe('the query plans of the figures', () => {
  it.each<[string, StatisticsFilters]>([
    ['a year', { from: '2026-01-01', to: '2026-12-31' }],
    ['a department', { from: '2026-01-01', to: '2026-12-31', department: '办公室' }],
    ['a cabinet', { from: '2026-01-01', to: '2026-12-31', cabinetId: 1 }],
  ])('%s: indexes only, the late returns, missing copies, held items and originals by their own', (_name, filters) => {
    const t = makeLedger();
    withRaw(t, (db) => {
      const plans = Object.fromEntries(
        STATISTIC_FIGURES.map((figure) => {
          const q = figureQuery(figure, filters);
          return [figure, (db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.values) as { detail: string }[]).map((p) => p.detail)];
        }),
      );
      const tableScans = Object.entries(plans).flatMap(([figure, details]) =>
        details.filter((d) => /^SCAN \w+$/.test(d) && !PLAIN_SCANS_ALLOWED.has(d)).map((d) => `${figure}: ${d}`),
      );
      expect(tableScans).toEqual([]);
      expect(plans['lateReturns']!.join(' | ')).toContain('USING INDEX events_late_returns');
      expect(plans['missing']!.join(' | ')).toContain('USING INDEX events_inventory_missing');
      expect(plans['received']!.join(' | ')).toContain('USING COVERING INDEX events_kind_at');
      expect(plans['received']!.join(' | ')).toContain('USING INDEX copies_originals');
      if (filters.cabinetId === undefined) expect(plans['heldNow']!.join(' | ')).toContain('USING COVERING INDEX documents_held_now');
    });
  });
});
