// 问题整改登记表: the findings register as a sheet, so it prints (A4 landscape, marking, 第 N 页 共 M 页, the audit head)
// and exports like every register. One row per finding, in the order found, with its standing plan, its close and who
// confirmed it. The marking is that of the most secret computer a finding names: a finding about it says where it
// is weak.
import { z } from 'zod';
import { FINDING_CONFIRM_WAY_TERMS, FINDING_SEVERITY_TERMS, FINDING_STATUS_TERMS, FINDING_STATUSES, findingSourceText } from '../../domain/findings';
import type { Level } from '../../domain/levels';
import { say, type Language } from '../../domain/terms';
import { all, sql, type Db } from '../../store/sql';
import { localDate } from '../documents/model';
import type { FindingView } from '../findings/model';
import { listFindings } from '../findings/queries';
import type { LabelKey } from './labels';
import type { Draft } from './sheets';

export const findingsSheetFilters = z.object({ status: z.enum(FINDING_STATUSES).optional(), year: z.number().int().min(1949).max(2200).optional() }).strict();
type FindingsSheetFilters = z.output<typeof findingsSheetFilters>;

/** The standing deadline, with the first one beside it when it was changed: 2027-01-15（原 2026-12-20）. */
export function findingDeadlineText(f: FindingView, l: Language): string {
  const first = f.plans[0]?.deadline;
  if (!first || first === f.deadline) return f.deadline;
  return l === 'en' ? `${f.deadline} (was ${first})` : `${f.deadline}（原 ${first}）`;
}

/** Who confirmed the close and how: 王局长（当面确认）. */
export function findingConfirmedText(f: FindingView, l: Language): string {
  const close = f.closes.find((c) => c.confirmation?.decision === 'confirmed');
  if (!close?.confirmation) return '';
  const way = say(FINDING_CONFIRM_WAY_TERMS[close.confirmation.way], l);
  return l === 'en' ? `${close.confirmation.approver} (${way})` : `${close.confirmation.approver}（${way}）`;
}

/** The level of each computer a finding names (a stocktake's finding names no one item's level). */
function levelsOf(db: Db, findings: readonly FindingView[]): Level[] {
  const computers = findings.flatMap((f) => (f.computer ? [f.computer.id] : []));
  return all<{ level: Level }>(db, sql`SELECT level FROM computers WHERE id IN (SELECT value FROM json_each(${JSON.stringify(computers)}))`).map(
    (r) => r.level,
  );
}

export function findingsDraft(db: Db, f: FindingsSheetFilters, language: Language, now: number): Draft {
  const l = language;
  const findings = listFindings(db, localDate(now), f).reverse();
  const filters: [LabelKey, string][] = [];
  if (f.status) filters.push(['status', say(FINDING_STATUS_TERMS[f.status], l)]);
  return {
    columns: [
      ['findingNo', 6],
      ['foundOn', 5],
      ['findingSource', 5],
      ['finding', 8],
      ['findingPlace', 5],
      ['severity', 3],
      ['owner', 5],
      ['deadline', 5],
      ['measures', 7],
      ['done', 7],
      ['closedOn', 5],
      ['confirmedBy', 5],
      ['findingStatus', 4],
    ],
    rows: findings.map((x) => {
      // The close that stands (confirmed) or awaits the approver; one sent back is in the finding's history only.
      const last =
        x.status === 'closed' ? x.closes.find((c) => c.confirmation?.decision === 'confirmed') : x.status === 'awaiting' ? x.closes.at(-1) : undefined;
      return [
        x.no,
        x.foundOn,
        findingSourceText(x, l),
        x.description,
        x.place,
        say(FINDING_SEVERITY_TERMS[x.severity], l),
        x.owner,
        findingDeadlineText(x, l),
        x.measures,
        last?.done,
        last?.closedOn,
        findingConfirmedText(x, l),
        say(FINDING_STATUS_TERMS[x.status], l),
      ];
    }),
    levels: levelsOf(db, findings),
    filters,
  };
}
