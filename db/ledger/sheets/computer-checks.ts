// 计算机检查记录: every check of the computers (病毒查杀, 系统升级, 违规外联检查, 保密检查) as a register sheet, in the order
// they were done, so it prints and exports like every register; and the security columns the computer registers gain
// (违规外联监控, 三合一, the products and versions).
import { z } from 'zod';
import {
  CHECK_KIND_TERMS,
  CHECK_KINDS,
  CHECK_RESULT_TERMS,
  INSTALLED_TERMS,
  installedKey,
  securityProductsText,
  type CheckKind,
} from '../../domain/computer-checks';
import { LEVEL_TERMS, say, type Language } from '../../domain/terms';
import { get, sql, type Db } from '../../store/sql';
import type { ComputerView } from '../../views';
import { listChecks } from '../devices/checks';
import type { LabelKey } from './labels';
import type { Draft } from './sheets';

export const computerChecksSheetFilters = z
  .object({
    computerId: z.number().int().positive().optional(),
    kind: z.enum(CHECK_KINDS).optional(),
    year: z.number().int().min(1949).max(2200).optional(),
  })
  .strict();
type Filters = z.output<typeof computerChecksSheetFilters>;

/** 违规外联监控, 三合一 and the products, as a computer register's last three cells. */
export function computerSecurityCells(c: Pick<ComputerView, 'monitoring' | 'threeInOne' | 'securityProducts'>, language: Language): string[] {
  return [
    say(INSTALLED_TERMS[installedKey(c.monitoring)], language),
    say(INSTALLED_TERMS[installedKey(c.threeInOne)], language),
    securityProductsText(c.securityProducts, language === 'en' ? ', ' : '、'),
  ];
}

export function computerChecksDraft(db: Db, f: Filters, language: Language): Draft {
  // The log reads newest first on screen; paper runs in the order the checks were done.
  const rows = listChecks(db, { ...f, offset: 0, limit: -1 }).rows.reverse();
  const filters: [LabelKey, string][] = [];
  if (f.computerId)
    filters.push(['computer', get<{ code: string }>(db, sql`SELECT code FROM computers WHERE id = ${f.computerId}`)?.code ?? `#${f.computerId}`]);
  if (f.kind) filters.push(['checkKind', say(CHECK_KIND_TERMS[f.kind satisfies CheckKind], language)]);
  if (f.year) filters.push(['year', String(f.year)]);
  return {
    columns: [
      ['seq', 2],
      ['date', 4],
      ['computer', 5],
      ['name', 6],
      ['level', 3],
      ['checkKind', 5],
      ['checker', 4],
      ['checkResult', 4],
      ['problems', 14],
      ['recordedBy', 4],
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.at,
      r.computer,
      r.computerName,
      say(LEVEL_TERMS[r.computerLevel], language),
      say(CHECK_KIND_TERMS[r.kind], language),
      r.checker,
      say(CHECK_RESULT_TERMS[r.result], language),
      r.problems,
      r.recordedBy,
    ]),
    levels: rows.map((r) => r.computerLevel),
    filters,
  };
}
