// 统计: the figures of a date range (a year, or any dates), and the items behind each figure or one cell of it.
// 年度台账 / 自查材料: the annual pack of a year (statistics.pack, a read) and its Word document (statistics.packDocx,
// an export and its audit entry), built from the charts the renderer drew of the pack it read, if the figures are
// still the same.
import { z } from 'zod';
import { auditHead } from '../../audit/chain';
import type { SignedInContext } from '../../context';
import { LedgerError } from '../../errors';
import { fileCommand, registerRead } from '../../command-kit';
import { LANGUAGES, type Language } from '../../domain/terms';
import { page, REGISTER_READERS } from '../fields';
import { cell, checked, range } from './fields';
import { localDate } from '../documents/queries';
import { buildPack, type Pack } from './pack';
import { MAX_CHART_BYTES, packToDocx, readChartPng, type ChartImage } from './pack-docx';
import { statisticsFigures, statisticsItems } from './queries';

export const packInput = { year: z.number().int().min(1949).max(2200), language: z.enum(LANGUAGES).default('zh-CN') };

/** The pack as it reads now, built by the signed-in account at the audit chain's head (the print kind 'annual-pack' too). */
export const packNow = (ctx: SignedInContext, year: number, language: Language): Pack =>
  buildPack(ctx.db, year, language, { by: ctx.session.displayName, at: ctx.now, auditHead: auditHead(ctx.db, ctx.ledgerId) });

export const statisticsCommands = {
  'statistics.figures': registerRead(z.object(range).strict(), (ctx, input) => statisticsFigures(ctx.db, checked(input))),
  'statistics.items': registerRead(
    z
      .object({
        ...range,
        ...cell,
        ...page,
      })
      .strict(),
    (ctx, { figure, level, group, month, offset, limit, ...filters }) => {
      const out = statisticsItems(ctx.db, figure, checked(filters), { level, group, month }, { offset, limit });
      if (!out) throw new LedgerError('E_VALIDATION', { field: filters.department === undefined ? 'cabinetId' : 'department' });
      return out;
    },
  ),
  /** The annual pack of a year: the document (print, screen) and the digest of its figures the Word export names. */
  'statistics.pack': registerRead(z.object(packInput).strict(), (ctx, input) => {
    const { document, digest } = packNow(ctx, input.year, input.language);
    return { document, digest };
  }),
  /**
   * The pack as a Word document, with the charts the renderer drew of the pack it read (one PNG per chart id): refused
   * when the figures moved since (E_STATISTICS_CHANGED), so the charts and the tables say the same numbers.
   */
  'statistics.packDocx': fileCommand({
    input: z
      .object({
        ...packInput,
        digest: z.string().regex(/^[0-9a-f]{64}$/),
        charts: z
          .record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.string().max(Math.ceil(MAX_CHART_BYTES / 3) * 4 + 4))
          .refine((c) => Object.keys(c).length <= 20),
      })
      .strict(),
    roles: REGISTER_READERS,
    mutates: true,
    // Decoded and checked (PNG signature, size) before the transaction.
    prepare: async (input) => new Map(Object.entries(input.charts).map(([chart, data]) => [chart, readChartPng(chart, data)])),
    run(ctx, input, charts: Map<string, ChartImage>) {
      const pack = packNow(ctx, input.year, input.language);
      if (pack.digest !== input.digest) throw new LedgerError('E_STATISTICS_CHANGED', { year: input.year });
      // Exactly the pack's charts: each drawn, none that is not the pack's.
      const given = [...charts.keys()].sort();
      if (JSON.stringify(given) !== JSON.stringify([...pack.chartIds].sort())) throw new LedgerError('E_VALIDATION', { field: 'charts' });
      ctx.note({
        target: `${pack.document.title} ${pack.document.number}`,
        summary: { year: input.year, language: input.language, digest: pack.digest, charts: pack.chartIds, marking: pack.document.markingText },
      });
      return { document: pack.document, charts, by: ctx.session.displayName, at: ctx.now, language: input.language };
    },
    async finish({ document, charts, by, at, language }) {
      const data = await packToDocx(document, charts, { by, at, language });
      const fileName = `${document.title}_${document.number}_${localDate(Date.parse(at))}.docx`.replace(/[\\/:*?"<>|\s]+/g, '_');
      return { fileName, data: data.toString('base64'), marking: document.markingText };
    },
  }),
};
