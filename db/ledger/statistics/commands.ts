// 统计: the figures of a date range (a year, or any dates), and the items behind each figure or one cell of it.
import { z } from 'zod';
import { LedgerError } from '../../errors';
import { registerRead } from '../../command-kit';
import { STATISTIC_FIGURES } from '../../domain/statistics';
import { date, id, page } from '../fields';
import { statisticsFigures, statisticsItems } from './queries';

const range = {
  from: date,
  to: date,
  department: z.string().trim().min(1).max(60).optional(),
  cabinetId: id.optional(),
};

/** The dates in order, and no more than ten years of them. */
function checked<I extends { from: string; to: string }>(input: I): I {
  if (input.to < input.from) throw new LedgerError('E_VALIDATION', { field: 'to' });
  if (Number(input.to.slice(0, 4)) - Number(input.from.slice(0, 4)) > 10) throw new LedgerError('E_VALIDATION', { field: 'from' });
  return input;
}

export const statisticsCommands = {
  'statistics.figures': registerRead(z.object(range).strict(), (ctx, input) => statisticsFigures(ctx.db, checked(input))),
  'statistics.items': registerRead(
    z
      .object({
        ...range,
        figure: z.enum(STATISTIC_FIGURES),
        level: z.string().min(1).max(20).optional(),
        group: z.string().min(1).max(80).optional(),
        month: z
          .string()
          .regex(/^\d{4}-\d{2}$/)
          .optional(),
        ...page,
      })
      .strict(),
    (ctx, { figure, level, group, month, offset, limit, ...filters }) => {
      const out = statisticsItems(ctx.db, figure, checked(filters), { level, group, month }, { offset, limit });
      if (!out) throw new LedgerError('E_VALIDATION', { field: filters.department === undefined ? 'cabinetId' : 'department' });
      return out;
    },
  ),
};
