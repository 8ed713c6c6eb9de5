// 待清退 (awaitingReturnNow) reads only the items that must go back and still hold originals, by their own partial
// index that also covers what it groups by (migration 0015); without one the planner walked every registered item
// through the level index, a row lookup each (1.3 s of a year's 1.7 s on the bench's 100,000 items, encrypted, loaded
// machine). Held now keeps its covering index.
import { describe, expect, it } from 'vitest';
import { makeLedger, withRaw } from '../../testing';
import { figureQuery, type StatisticsFilters } from './queries';

describe('the holdings read by their own index', () => {
  it.each<[string, StatisticsFilters]>([
    ['a year', { from: '2026-01-01', to: '2026-12-31' }],
    ['a cabinet', { from: '2026-01-01', to: '2026-12-31', cabinetId: 1 }],
  ])('%s: 待清退 by documents_awaiting_return, 在管 by documents_held_now', (_name, filters) => {
    const t = makeLedger();
    withRaw(t, (db) => {
      const plan = (figure: 'awaitingReturnNow' | 'heldNow') => {
        const q = figureQuery(figure, filters);
        return (db.prepare(`EXPLAIN QUERY PLAN ${q.text}`).all(...q.values) as { detail: string }[]).map((p) => p.detail).join(' | ');
      };
      expect(plan('awaitingReturnNow')).toMatch(/SCAN d USING (COVERING )?INDEX documents_awaiting_return/);
      expect(plan('heldNow')).toMatch(/SCAN d USING (COVERING )?INDEX documents_held_now/);
    });
  });
});
