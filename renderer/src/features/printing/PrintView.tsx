// A printout as plain HTML (no antd, no virtualization): first laid out once in one column to measure it, then
// cut into A4 page boxes (pages.ts), each with the running header (marking, unit and title, number), its part of
// the table under the repeated column headers, and the footer (who printed, the audit chain head, 第 N 页 共 M 页).
// The in-app preview and the print route show these same boxes: the screen is the paper.
import type { TFunction } from 'i18next';
import type { PrintDocument, PrintMeta } from '../../../../preload/contract';
import { DocHead, MeasurePass, PageFrame, PrintTable, usePages } from './PageFrame';
import { measure, paginate } from './pages';

interface Props {
  doc: PrintDocument;
  meta: PrintMeta;
  t: TFunction<'translation'>;
  /** On screen only: show the first pages of a long register (all are counted). */
  pageLimit?: number;
  /** Told the page count once the pages are laid out. */
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

const cut = (pass: HTMLElement) => paginate(measure(pass));

export function PrintView({ doc, meta, t, pageLimit, onPaged }: Props) {
  const { pages, pass } = usePages(doc, cut, onPaged);
  const className = `print-doc print-${doc.orientation}`;
  if (!pages)
    return (
      <MeasurePass className={className} pass={pass}>
        <Head doc={doc} t={t} />
        <PrintTable columns={doc.columns} rows={doc.rows} />
        <Tail doc={doc} t={t} />
      </MeasurePass>
    );

  const shown = pageLimit === undefined ? pages : pages.slice(0, pageLimit);
  return (
    <article className={className} data-testid="print-doc" data-pages={pages.length}>
      {shown.map((p, i) => (
        // The first page carries unit, title and number in its head; the running header repeats them on the rest.
        <PageFrame
          key={i}
          markingText={doc.markingText}
          runningTitle={p.head ? '' : `${doc.unitName} ${doc.title}`}
          runningNumber={p.head || !doc.number ? '' : `No. ${doc.number}`}
          meta={meta}
          page={i + 1}
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
