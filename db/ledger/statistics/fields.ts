// 统计's inputs, one home for the figures, the item lists (statistics.items and the 统计明细 sheet) and the printout:
// the dates with a department or cabinet, the cell of a figure, and the rule the dates keep.
import { z } from 'zod';
import { STATISTIC_FIGURES } from '../../domain/statistics';
import { LedgerError } from '../../errors';
import { date, id } from '../fields';

/** The dates and filters of the figures. */
export const range = {
  from: date,
  to: date,
  department: z.string().trim().min(1).max(60).optional(),
  cabinetId: id.optional(),
};

/** One figure, or one cell of it: a level, a group (carrier, device, rule ...), a month. */
export const cell = {
  figure: z.enum(STATISTIC_FIGURES),
  level: z.string().min(1).max(20).optional(),
  group: z.string().min(1).max(80).optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
};

/** The dates in order, and no more than ten years of them. */
export function checked<I extends { from: string; to: string }>(input: I): I {
  if (input.to < input.from) throw new LedgerError('E_VALIDATION', { field: 'to' });
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 10) throw new LedgerError('E_VALIDATION', { field: 'from' });
  return input;
}
