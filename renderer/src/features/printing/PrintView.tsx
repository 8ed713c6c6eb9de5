// A printout as plain HTML (no antd, no virtualization): first laid out once in one column to measure it, then
// cut into A4 page boxes (pages.ts), each with the running header (marking, unit and title, number), its part of
// the table under the repeated column headers, and the footer (who printed, the audit chain head, 第 N 页 共 M 页).
// The in-app preview and the print route show these same boxes: the screen is the paper.
import { useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { PrintDocument, PrintMeta } from '../../../../preload/contract';
import { DocHead, MeasurePass, PageFrame, PrintTable, usePages } from './PageFrame';
import { measure, paginate, type Measured, type PageRange } from './pages';

interface Props {
  doc: PrintDocument;
  meta: PrintMeta;
  t: TFunction<'translation'>;
  /** The pages shown: on screen the first of a long register, in the print route one chunk (all are counted). */
  shown?: PageRange;
  /** Told the page count once the pages are laid out, and again each time other pages are shown. */
  onPaged?(pages: number): void;
}

const Head = ({ doc, t }: { doc: PrintDocument; t: TFunction<'translation'> }) => (
  <DocHead unitName={doc.unitName} title={doc.title} number={doc.number && `No. ${doc.number}`} fields={doc.fields} t={t} />
);

function Tail({ doc, t }: { doc: PrintDocument; t: TFunction<'translation'> }) {
  return (
    <>
      {doc.totalText && <p className="print-total">{doc.totalText}</p>}
      {doc.signatures.length > 0 && (
        <div className="print-signatures">
          {doc.signatures.map((s, i) => (
            // Two who checked sign under the same label, each on a line of their own.
            <span key={i} className="print-signature">
              {s.label}
              {t('print.sign')}
              {t('print.colon')}
              <span className="print-signed-name">{s.names}</span>
              <span className="print-line" />
            </span>
          ))}
          <span className="print-signature">
            {t('print.date')}
            {t('print.colon')}
            <span className="print-line" />
          </span>
        </div>
      )}
    </>
  );
}

/**
 * Rows measured at a time: a row's height does not depend on the others (a fixed table layout at the page's width),
 * so a register of 10,000 rows is measured 2,000 at a time and never laid out whole (laid out whole to be measured,
 * its renderer took about 930 MB; 2,000 rows take less than printing a chunk of pages does).
 */
const MEASURE_ROWS = 2000;

export function PrintView({ doc, meta, t, shown, onPaged }: Props) {
  // The rows measured now start at `from` (of this doc); the heights so far are kept until the last batch.
  const [batch, setBatch] = useState({ doc, from: 0 });
  const from = batch.doc === doc ? batch.from : 0;
  const measured = useRef<Measured | null>(null);
  const cut = (pass: HTMLElement) => {
    const m = measure(pass);
    measured.current = from === 0 || !measured.current ? m : { ...measured.current, rows: [...measured.current.rows, ...m.rows] };
    if (from + MEASURE_ROWS < doc.rows.length) {
      setBatch({ doc, from: from + MEASURE_ROWS });
      return null;
    }
    return paginate(measured.current);
  };
  const { pages, pass } = usePages(doc, cut, onPaged, from);
  const className = `print-doc print-${doc.orientation}`;
  if (!pages)
    return (
      <MeasurePass className={className} pass={pass}>
        <Head doc={doc} t={t} />
        <PrintTable columns={doc.columns} rows={doc.rows.slice(from, from + MEASURE_ROWS)} />
        <Tail doc={doc} t={t} />
      </MeasurePass>
    );

  const first = shown?.from ?? 0;
  return (
    <article className={className} data-testid="print-doc" data-pages={pages.length}>
      {pages.slice(first, shown?.to).map((p, i) => (
        // The first page carries unit, title and number in its head; the running header repeats them on the rest.
        <PageFrame
          key={i}
          markingText={doc.markingText}
          runningTitle={p.head ? '' : `${doc.unitName} ${doc.title}`}
          runningNumber={p.head || !doc.number ? '' : `No. ${doc.number}`}
          meta={meta}
          page={first + i + 1}
          pages={pages.length}
          t={t}
        >
          {p.head && <Head doc={doc} t={t} />}
          {(p.to > p.from || p.head) && <PrintTable columns={doc.columns} rows={doc.rows.slice(p.from, p.to)} />}
          {p.tail && <Tail doc={doc} t={t} />}
        </PageFrame>
      ))}
    </article>
  );
}
