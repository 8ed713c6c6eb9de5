// The paged-media frame of a printout, written per print: the marking at top left, unit and title, the batch
// number, who printed when with the audit chain head, and 第 N 页 共 M 页, in the page's margin boxes so that
// every page carries them. Chromium has no running elements or string-set, hence one rule built per document.
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { PrintDocument, PrintMeta } from '../../../../preload/contract';

/** A CSS string literal. */
export function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/** 第 {{page}} 页 共 {{pages}} 页 as CSS content with the page counters in place of the placeholders. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{\{\s*pages?\s*\}\})/)
    .filter((part) => part !== '')
    .map((part) => (/^\{\{\s*pages\s*\}\}$/.test(part) ? 'counter(pages)' : /^\{\{\s*page\s*\}\}$/.test(part) ? 'counter(page)' : cssString(part)))
    .join(' ');
}

const PRINT_FONTS = `"Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", "宋体", "SimHei", "黑体", serif`;

/** The footer line: who printed, when, and the audit chain head the paper can later be checked against. */
export function footerText(meta: PrintMeta, t: TFunction<'translation'>): string {
  const printed = t('print.printedBy', {
    name: meta.printedBy.displayName,
    username: meta.printedBy.username,
    at: dayjs(meta.printedAt).format('YYYY-MM-DD HH:mm'),
  });
  return `${printed} · ${t('print.auditChain', { seq: meta.auditHead.seq, hash: meta.auditHead.shortHash })}`;
}

export function pageRules(doc: PrintDocument, meta: PrintMeta, t: TFunction<'translation'>): string {
  const small = `font-family: ${PRINT_FONTS}; font-size: 8pt; color: #000;`;
  return `@page {
  size: A4 ${doc.orientation};
  margin: 16mm 12mm 15mm 12mm;
  @top-left { content: ${cssString(doc.markingText)}; font-family: ${PRINT_FONTS}; font-size: 15pt; font-weight: bold; color: #000; vertical-align: bottom; }
  @top-center { content: ${cssString(`${doc.unitName} ${doc.title}`)}; ${small} vertical-align: bottom; }
  @top-right { content: ${cssString(doc.number ? `No. ${doc.number}` : '')}; ${small} vertical-align: bottom; }
  @bottom-left { content: ${cssString(footerText(meta, t))}; ${small} vertical-align: top; }
  @bottom-right { content: ${pageCounterContent(t('print.pageOf'))}; ${small} vertical-align: top; }
}`;
}
