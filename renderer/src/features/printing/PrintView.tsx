// A printout as plain HTML: no antd, no virtualization, every row in the DOM, so Chromium's paged media lays it out
// (header rows repeated, no row split, the page frame in the margin boxes of pageRules.ts). The in-app preview
// shows the same component on screen.
import type { TFunction } from 'i18next';
import type { PrintDocument, PrintMeta } from '../../../../preload/contract';
import { footerText } from './pageRules';
import './print.css';

interface Props {
  doc: PrintDocument;
  meta: PrintMeta;
  t: TFunction<'translation'>;
  /** On screen only: show the first rows of a long register. */
  rowLimit?: number;
}

export function PrintView({ doc, meta, t, rowLimit }: Props) {
  const widths = doc.columns.reduce((n, c) => n + c.width, 0);
  const rows = rowLimit === undefined ? doc.rows : doc.rows.slice(0, rowLimit);
  return (
    <article className={`print-doc print-${doc.orientation}`} data-testid="print-doc">
      {/* On paper the marking, footer and page numbers are in the margin boxes; on screen they are shown here. */}
      <div className="print-screen-only print-screen-marking" data-testid="print-marking">
        {doc.markingText}
      </div>
      <header className="print-head">
        <h1 className="print-title">
          <span>{doc.unitName}</span>
          <span>{doc.title}</span>
        </h1>
        {doc.number && <div className="print-number">No. {doc.number}</div>}
        {doc.fields.length > 0 && (
          <div className="print-fields">
            {doc.fields.map((f) => (
              <span key={f.label}>
                {f.label}: {f.value}
              </span>
            ))}
          </div>
        )}
      </header>
      <table className="print-table">
        <colgroup>
          {doc.columns.map((c) => (
            <col key={c.key} style={{ width: `${((c.width / widths) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {doc.columns.map((c) => (
              <th key={c.key}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {doc.totalText && <p className="print-total">{doc.totalText}</p>}
      {doc.signatures.length > 0 && (
        <div className="print-signatures">
          {doc.signatures.map((s) => (
            <span key={s.label} className="print-signature">
              {s.label}
              {t('print.sign')}: <span className="print-signed-name">{s.names}</span>
              <span className="print-line" />
            </span>
          ))}
          <span className="print-signature">
            {t('print.date')}: <span className="print-line" />
          </span>
        </div>
      )}
      <footer className="print-screen-only print-screen-footer">{footerText(meta, t)}</footer>
    </article>
  );
}
