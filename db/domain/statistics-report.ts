// The 统计 printout's own words (db/ledger/statistics/report.ts): its title, sections and column headings in the three
// languages. The figures' names, units and groups are statistics.ts's, the levels and carriers terms.ts's.
import type { Language, Term } from './terms';

export const STATISTICS_REPORT_TERMS = {
  title: ['统计', '統計', 'Statistics'],
  dates: ['统计期间', '統計期間', 'Period'],
  department: ['部门', '部門', 'Department'],
  cabinet: ['保密柜', '保密櫃', 'Cabinet'],
  /** Holdings are counted when the report is made, whatever the dates. */
  holdingsNow: [
    '在管、借出在外、待清退为打印时的数量；其余各项为统计期间内发生的数量。',
    '在管、借出在外、待清退為列印時的數量；其餘各項為統計期間內發生的數量。',
    'Held now, on loan now and awaiting return are counted as of printing; every other figure counts what happened in the period.',
  ],
  /** Figures the chosen department or cabinet cannot narrow are left out rather than given unfiltered. */
  leftOut: ['按所选条件无法细分，未列出：', '按所選條件無法細分，未列出：', 'Not given under the chosen filter: '],
  /** The summary table's caption. */
  figures: ['各项数量', '各項數量', 'The figures'],
  summary: ['概况', '概況', 'Summary'],
  carriers: ['涉密载体', '涉密載體', 'Classified carriers'],
  devices: ['计算机和存储介质', '計算機和存儲介質', 'Computers and storage media'],
  records: ['备份和拒绝的操作', '備份和拒絕的操作', 'Backups and refused actions'],
  figure: ['项目', '項目', 'Figure'],
  count: ['数量', '數量', 'Count'],
  copies: ['份数', '份數', 'Copies'],
  level: ['密级', '密級', 'Level'],
  month: ['月份', '月份', 'Month'],
  total: ['合计', '合計', 'Total'],
  /** The figures of a section that counted nothing, named after it. */
  none: ['本期无', '本期無', 'None in the period'],
} as const satisfies Record<string, Term>;

/** The dates as the printout's number: a whole calendar year as 2026年度, any other dates from and to. */
export function sayDates(from: string, to: string, language: Language): string {
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to === `${year}-12-31`) return language === 'en' ? `Year ${year}` : `${year}年度`;
  return language === 'en' ? `${from} to ${to}` : `${from} 至 ${to}`;
}
