// The page frame's words and the sheet: PrintView draws the frame in each page box (pages.ts), so Chromium's own
// page margins are zero and every box is one A4 sheet.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { PrintDocument, PrintMeta } from '../../../../preload/contract';

/** The footer line: who printed, when, and the audit chain head the paper can later be checked against. */
export function footerText(meta: PrintMeta, t: TFunction<'translation'>): string {
  const printed = t('print.printedBy', {
    name: meta.printedBy.displayName,
    username: meta.printedBy.username,
    at: dayjs(meta.printedAt).format('YYYY-MM-DD HH:mm'),
  });
  return `${printed} · ${t('print.auditChain', { seq: meta.auditHead.seq, hash: meta.auditHead.shortHash })}`;
}

/** The print route's sheet: A4 in the printout's orientation, no margins (the page boxes carry them). */
export function pageRule(orientation: PrintDocument['orientation']): string {
  return `@page { size: A4 ${orientation}; margin: 0; }`;
}
