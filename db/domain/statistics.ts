// 统计: the figures an inspection asks for (issue 17), each a count of items the ledger can list, with its words in
// the three languages. The backend counts them (db/ledger/statistics); the screens and the annual pack say them.
import { errorMessage } from './errors';
import { fillPack } from './pack';
import { CARRIER_TERMS, LEVEL_TERMS, say, type Language, type Term } from './terms';

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

export const STATISTIC_FIGURE_TERMS: Record<StatisticFigure, Term> = {
  received: ['收到密件', '收到密件', 'Received'],
  produced: ['制作', '製作', 'Produced'],
  copied: ['复制', '複製', 'Copied'],
  lent: ['借阅', '借閱', 'Lent'],
  returnedToIssuer: ['清退', '清退', 'Returned to the issuer'],
  destroyed: ['销毁', '銷毀', 'Destroyed'],
  declassified: ['解密', '解密', 'Declassified'],
  lateReturns: ['逾期归还', '逾期歸還', 'Returned late'],
  missing: ['清查缺失', '清查缺失', 'Missing in a stocktake'],
  found: ['找回', '找回', 'Found'],
  mediaUsage: ['介质使用', '介質使用', 'Media use'],
  devicesEnabled: ['设备启用', '設備啟用', 'Devices put into service'],
  devicesRepaired: ['设备维修', '設備維修', 'Devices sent for repair'],
  devicesStopped: ['设备停用', '設備停用', 'Devices taken out of service'],
  devicesScrapped: ['设备报废', '設備報廢', 'Devices scrapped'],
  devicesDestroyed: ['设备销毁', '設備銷毀', 'Devices destroyed'],
  backups: ['备份', '備份', 'Backups'],
  refusals: ['拒绝的操作', '拒絕的操作', 'Refused actions'],
  heldNow: ['在管', '在管', 'Held now'],
  onLoanNow: ['借出在外', '借出在外', 'On loan now'],
  awaitingReturnNow: ['待清退', '待清退', 'Awaiting return to the issuer'],
};

/** How a figure's count reads: 3 件, 3 份, 3 次, 3 条 (and a late return's 天). */
export const STATISTIC_UNIT_TERMS: Record<StatisticFigureDef['unit'] | 'day', Term> = {
  item: ['件', '件', 'items'],
  copy: ['份', '份', 'copies'],
  event: ['次', '次', 'times'],
  entry: ['条', '條', 'entries'],
  day: ['天', '天', 'days'],
};

/** The second breakdown's heading (the first is by level, the third by month). */
export const STATISTIC_GROUP_TERMS: Record<NonNullable<StatisticFigureDef['group']>, Term> = {
  carrier: ['载体形式', '載體形式', 'Carrier'],
  device: ['设备类别', '設備類別', 'Device'],
  mediumLevel: ['介质密级', '介質密級', 'Medium level'],
  rule: ['拒绝依据', '拒絕依據', 'Grounds'],
};

/** The device registers a device figure is broken down by. */
export const STATISTIC_DEVICE_TERMS: Record<'computer' | 'medium', Term> = {
  computer: ['计算机', '計算機', 'Computers'],
  medium: ['存储介质', '存儲介質', 'Storage media'],
};

const termOf = (terms: Readonly<Record<string, Term>>, value: string, language: Language): string =>
  Object.hasOwn(terms, value) ? say(terms[value]!, language) : value;

/** A figure's group value in words: a carrier, a device register, a medium's level, or the rule that refused. */
export function statisticGroupText(figure: StatisticFigure, group: string, language: Language): string {
  switch (STATISTIC_FIGURE_DEFS[figure].group) {
    case 'carrier':
      return termOf(CARRIER_TERMS, group, language);
    case 'device':
      return termOf(STATISTIC_DEVICE_TERMS, group, language);
    case 'mediumLevel':
      return termOf(LEVEL_TERMS, group, language);
    case 'rule':
      // A refusal's grounds: its error code (and, after '/', the rule its details named, whose sentence needs the rest of them).
      return errorMessage({ code: group.split('/')[0]! }, language);
    case null:
      return group;
  }
}

/** The charts of the statistics (screen, printout, annual pack): their titles. */
export const STATISTIC_CHART_TERMS: Record<'monthlyFlows' | 'holdingsByLevel' | 'lateReturns' | 'longestLate', Term> = {
  monthlyFlows: ['各月流转（份数）', '各月流轉（份數）', 'Monthly flows (copies)'],
  holdingsByLevel: ['在管密件按密级（份数）', '在管密件按密級（份數）', 'Held now by level (copies)'],
  lateReturns: ['逾期归还（逾期天数）', '逾期歸還（逾期天數）', 'Returned late (days late)'],
  /** The late-return chart when it shows only the longest: {n} of them. */
  longestLate: ['逾期归还（逾期最久的 {n} 份，逾期天数）', '逾期歸還（逾期最久的 {n} 份，逾期天數）', 'Returned late (the {n} latest, days late)'],
};

/** A copy as a late-return bar names it: 收文编号 and 份号. */
export const COPY_NO_TERM: Term = ['份号', '份號', 'copy'];

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month (YYYY-MM) as a table row or chart axis says it: 3月 within one year, 2026年3月 across years. */
export function sayMonth(month: string, language: Language, withYear: boolean): string {
  const [year, m] = [month.slice(0, 4), Number(month.slice(5, 7))];
  if (language === 'en') return withYear ? `${EN_MONTHS[m - 1]} ${year}` : EN_MONTHS[m - 1]!;
  return withYear ? `${year}年${m}月` : `${m}月`;
}

/** The months (YYYY-MM) the dates touch, in order. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let key = from.slice(0, 7); key <= to.slice(0, 7); key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** Whether a figure can be given under the chosen filters. */
export const figureApplies = (figure: StatisticFigure, chosen: readonly StatisticFilter[]): boolean =>
  chosen.every((f) => STATISTIC_FIGURE_DEFS[figure].filters.includes(f));

/** The audit chain as the statistics give it: the head now, and the last check of the whole chain (audit.verify). */
export interface AuditChainState {
  /** The head's number: how many entries the log has (every printout's footer names it with its hash). */
  headSeq: number;
  lastCheck: { at: string; by: string; intact: boolean; count: number | null; firstBroken: number | null } | null;
  /** How many checks of the whole chain the dates saw. */
  checksInDates: number;
}

export const AUDIT_CHAIN_TERMS = {
  title: ['审计链', '審計鏈', 'Audit chain'],
  head: ['审计日志现有 {seq} 条', '審計日誌現有 {seq} 條', '{seq} entries in the audit log now'],
  intact: [
    '最近一次校验 {at}（{by}）：完整，共 {count} 条',
    '最近一次校驗 {at}（{by}）：完整，共 {count} 條',
    'last checked {at} by {by}: intact, {count} entries',
  ],
  broken: [
    '最近一次校验 {at}（{by}）：自第 {seq} 条起不一致',
    '最近一次校驗 {at}（{by}）：自第 {seq} 條起不一致',
    'last checked {at} by {by}: broken from entry {seq}',
  ],
  never: ['从未校验（审计员在“审计日志”中校验）', '從未校驗（審計員在「審計日誌」中校驗）', 'never checked (the auditor checks it in the audit log)'],
  inDates: ['本期校验 {n} 次', '本期校驗 {n} 次', '{n} checks in the dates'],
} satisfies Record<string, Term>;

/** A stored time to the minute on the local calendar. */
function minuteOf(time: string): string {
  const d = new Date(Date.parse(time));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The audit chain in one sentence: its head, its last check and what it found, the checks in the dates. */
export function auditChainText(state: AuditChainState, language: Language): string {
  const t = (key: keyof typeof AUDIT_CHAIN_TERMS, values: Record<string, string | number> = {}) => fillPack(say(AUDIT_CHAIN_TERMS[key], language), values);
  const check = state.lastCheck;
  const parts = [
    t('head', { seq: state.headSeq }),
    check === null
      ? t('never')
      : check.intact
        ? t('intact', { at: minuteOf(check.at), by: check.by, count: check.count ?? 0 })
        : t('broken', { at: minuteOf(check.at), by: check.by, seq: check.firstBroken ?? 0 }),
    t('inDates', { n: state.checksInDates }),
  ];
  return parts.join(language === 'en' ? '; ' : '；');
}
