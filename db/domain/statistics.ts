// 统计: the figures an inspection asks for (issue 17), each a count of items the ledger can list, with its words in
// the three languages. The backend counts them (db/ledger/statistics); the screens and the annual pack say them.

export const STATISTIC_FIGURES = [
  'received',
  'produced',
  'copied',
  'lent',
  'returnedToIssuer',
  'destroyed',
  'declassified',
  'lateReturns',
  'missing',
  'found',
  'mediaUsage',
  'devicesEnabled',
  'devicesRepaired',
  'devicesStopped',
  'devicesScrapped',
  'devicesDestroyed',
  'backups',
  'refusals',
  'heldNow',
  'onLoanNow',
  'awaitingReturnNow',
] as const;
export type StatisticFigure = (typeof STATISTIC_FIGURES)[number];

/** The filters beside the dates; a figure a chosen filter cannot narrow is not given (null), never given unfiltered. */
export type StatisticFilter = 'department' | 'cabinet';

/**
 * What one figure counts: the item (`unit`: one registration or event 件次, one copy 份, one device event 次, ...),
 * what its second breakdown (`group`) is, whether it counts events in the dates or holdings now, and which filters
 * apply (department: the borrower's or the device's; cabinet: where the copies held now are).
 */
export interface StatisticFigureDef {
  unit: 'item' | 'copy' | 'event' | 'entry';
  group: 'carrier' | 'device' | 'mediumLevel' | 'rule' | null;
  dated: boolean;
  filters: readonly StatisticFilter[];
}

const flow = (unit: StatisticFigureDef['unit'], filters: readonly StatisticFilter[] = []): StatisticFigureDef => ({
  unit,
  group: 'carrier',
  dated: true,
  filters,
});
const device: StatisticFigureDef = { unit: 'event', group: 'device', dated: true, filters: ['department'] };

export const STATISTIC_FIGURE_DEFS: Record<StatisticFigure, StatisticFigureDef> = {
  received: flow('item'),
  produced: flow('item'),
  copied: flow('event'),
  lent: flow('event', ['department']),
  returnedToIssuer: flow('event'),
  destroyed: flow('event'),
  declassified: flow('item'),
  lateReturns: flow('copy', ['department']),
  missing: flow('copy'),
  found: flow('copy'),
  mediaUsage: { unit: 'entry', group: 'mediumLevel', dated: true, filters: ['department'] },
  devicesEnabled: device,
  devicesRepaired: device,
  devicesStopped: device,
  devicesScrapped: device,
  devicesDestroyed: device,
  backups: { unit: 'entry', group: null, dated: true, filters: [] },
  refusals: { unit: 'entry', group: 'rule', dated: true, filters: [] },
  heldNow: { unit: 'item', group: 'carrier', dated: false, filters: ['cabinet'] },
  onLoanNow: { unit: 'copy', group: 'carrier', dated: false, filters: ['department', 'cabinet'] },
  awaitingReturnNow: { unit: 'item', group: 'carrier', dated: false, filters: ['cabinet'] },
};

/** Whether a figure can be given under the chosen filters. */
export const figureApplies = (figure: StatisticFigure, chosen: readonly StatisticFilter[]): boolean =>
  chosen.every((f) => STATISTIC_FIGURE_DEFS[figure].filters.includes(f));
