// The print route (#/print?r=...): what a host loads in a hidden window to print or save as PDF. It shows the
// printout and nothing else, and tells the host through attributes on <html> when it is laid out. A register, form or
// report is paginated once and shown a chunk of pages at a time (data-print-shown); the host prints each and asks for
// the next through window.showPrintPages (main/print-chunks.ts), so Chromium never lays out a long printout whole.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import i18n from '../../i18n';
import { ApiError, send } from '../../api';
import { describeError } from '../../i18n/errors';
import type { LabelsDocument, PrintAttribute, PrintDocument, PrintPayload, PrintRouteWindow, ReportDocument } from '../../../../preload/contract';
import { decodePrintRequest } from './request';
import { pageRule } from './pageRules';
import { PRINT_CHUNK_PAGES, type PageRange } from './pages';
import { PrintView } from './PrintView';
import { ReportView } from './ReportView';
import { LabelSheet } from '../labels/LabelSheet';
import { labelPageRule } from '../labels/layouts';

function mark(attributes: Partial<Record<PrintAttribute, string>>): void {
  for (const [name, value] of Object.entries(attributes)) document.documentElement.setAttribute(name, value);
}

export function PrintRoot() {
  const request = useMemo(() => decodePrintRequest(location.hash), []);
  const t = useMemo(() => i18n.getFixedT(request?.language ?? 'zh-CN'), [request]);
  const [payload, setPayload] = useState<PrintPayload<PrintDocument | LabelsDocument | ReportDocument> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<PageRange>({ from: 0, to: PRINT_CHUNK_PAGES });
  // What is drawn or being drawn (`shown` as set last), and the pages in all once they are cut.
  const drawing = useRef<{ range: PageRange; drawn: string | null }>({ range: shown, drawn: null });
  const total = useRef(0);
  // The host's request for pages, answered once exactly that range is drawn.
  const asked = useRef<{ range: PageRange; answer(shown: string): void } | null>(null);

  useEffect(() => {
    const draw = (range: PageRange) => {
      drawing.current = { range, drawn: null };
      setShown(range);
    };
    (window as PrintRouteWindow).showPrintPages = (from, to = from + PRINT_CHUNK_PAGES) =>
      new Promise((answer) => {
        const now = drawing.current;
        // The chunk drawn ahead (below) is answered as soon as it is drawn; any other range is drawn anew, even the
        // same pages again: the view draws and tells again, which answers.
        const ready = now.range.from === from && now.range.to === to && asked.current === null;
        if (ready && now.drawn !== null) return answer(now.drawn);
        const range = ready ? now.range : { from, to };
        asked.current = { range, answer };
        if (!ready) draw(range);
      });
    // Once Chromium has laid a chunk out for print it makes the PDF from what it recorded, no longer from the page: the
    // next chunk is drawn meanwhile (that takes about a quarter of each chunk's time) and the host's ask for it is
    // answered at once. Only after a print of the chunk drawn now (beforeprint saw it): the pages on show are never
    // changed under a print that is to come. A route whose print never ends this way draws each chunk when asked.
    let printing: PageRange | null = null;
    const printStarts = () => {
      printing = drawing.current.range;
    };
    const drawAhead = () => {
      const printed = printing;
      printing = null;
      const { range, drawn } = drawing.current;
      if (printed === range && drawn !== null && asked.current === null && range.to < total.current) draw({ from: range.to, to: range.to + PRINT_CHUNK_PAGES });
    };
    addEventListener('beforeprint', printStarts);
    addEventListener('afterprint', drawAhead);
    return () => {
      removeEventListener('beforeprint', printStarts);
      removeEventListener('afterprint', drawAhead);
    };
  }, []);

  useEffect(() => {
    // The app's own print rule hides everything outside its recovery sheet; this page prints its root.
    document.body.classList.add('print-route');
    if (request?.language) document.documentElement.lang = request.language;
    if (!request) {
      setError(new ApiError('E_VALIDATION', 'The print route carries no request.'));
      return;
    }
    send('print.prepare', { request }).then(setPayload, setError);
  }, [request]);

  useEffect(() => {
    if (error) mark({ 'data-print-error': error instanceof ApiError ? error.code : 'E_INTERNAL' });
    if (payload) document.title = `${payload.document.unitName} ${payload.document.title}`;
  }, [payload, error]);

  // Cut into pages (after the fonts, PrintView waits for them; a report's charts drawn): only then may the host print.
  // Told again each time other pages are drawn. Labels are shown whole (a sheet of labels is a few pages).
  const paged = useCallback(
    (pages: number | null) => {
      if (!payload) return;
      const doc = payload.document;
      const chunk = pages === null ? {} : { 'data-print-pages': String(pages), 'data-print-shown': `${shown.from}-${Math.min(shown.to, pages)}` };
      mark({
        'data-print-id': payload.meta.printId,
        // What print.record bounds the pages by: no more pages than these rows (labels, a report's blocks) and one.
        'data-print-rows': String(payload.meta.rows),
        // What the saved PDF is named by: a report by its title and its year or dates (统计 2026年度).
        'data-print-title': doc.kind === 'report' && doc.number ? `${doc.title} ${doc.number}` : doc.title,
        'data-print-audit-seq': String(payload.meta.auditHead.seq),
        'data-print-orientation': payload.document.orientation,
        ...(doc.kind === 'labels' && doc.layout.kind === 'single' ? { 'data-print-page-mm': `${doc.layout.widthMm}x${doc.layout.heightMm}` } : {}),
        ...chunk,
        'data-print-ready': 'true',
      });
      const drawn = chunk['data-print-shown'] ?? '';
      if (pages !== null) total.current = pages;
      if (drawing.current.range === shown) drawing.current.drawn = drawn;
      if (asked.current?.range === shown) {
        asked.current.answer(drawn);
        asked.current = null;
      }
    },
    [payload, shown],
  );
  const labelsPaged = useCallback(() => paged(null), [paged]);

  if (error) return <p data-testid="print-error">{describeError(error, request?.language ?? 'zh-CN')}</p>;
  if (!payload) return null;
  const doc = payload.document;
  if (doc.kind === 'labels')
    return (
      <>
        <style>{labelPageRule(doc.layout)}</style>
        <LabelSheet labels={doc.labels} layout={doc.layout} onPaged={labelsPaged} />
      </>
    );
  if (doc.kind === 'report')
    return (
      <>
        <style>{pageRule(doc.orientation)}</style>
        <ReportView doc={doc} meta={payload.meta} t={t} shown={shown} onPaged={paged} />
      </>
    );
  return (
    <>
      <style>{pageRule(doc.orientation)}</style>
      <PrintView doc={doc} meta={payload.meta} t={t} shown={shown} onPaged={paged} />
    </>
  );
}
