// Labels on paper: A4 label sheets with every label at the layout's exact millimetres, or one label a page of a label
// printer's size. Each label: the level large, the lines (收文编号 and 份号, or 设备编号; none on a 机密/绝密 label),
// the QR, and the Code 128 with the code in text. The preview and the print route show these same pages.
import { useEffect, useMemo } from 'react';
import type { LabelData, LabelLayout } from '../../../../preload/contract';
import { faceOf } from './face';
import { code128Symbol, qrSymbol, type DrawnSymbol } from './symbols';
import { labelBoxes, labelsPerPage, pageSize } from './layouts';
import './labels.css';

interface Props {
  labels: LabelData[];
  layout: LabelLayout;
  /** Pages shown (the preview shows the first ones); all are counted. */
  pageLimit?: number;
  /** Called with the number of pages once they are laid out, with the fonts the paper uses. */
  onPaged?(pages: number): void;
}

const mm = (v: number) => `${v}mm`;

function SymbolBox({ symbol, width, height, testId }: { symbol: DrawnSymbol; width: number; height: number; testId: string }) {
  // bwip-js's own markup, drawn from a code of [0-9A-Z]: stretched to the box (bars only grow taller).
  return (
    <svg
      className="label-symbol"
      viewBox={`0 0 ${symbol.width} ${symbol.height}`}
      preserveAspectRatio="none"
      style={{ width: mm(width), height: mm(height) }}
      dangerouslySetInnerHTML={{ __html: symbol.body }}
      data-testid={testId}
    />
  );
}

function Label({ label, width, height }: { label: LabelData; width: number; height: number }) {
  const bars = useMemo(() => code128Symbol(label.code), [label.code]);
  const qr = useMemo(() => qrSymbol(label.code), [label.code]);
  const face = faceOf(width, height, bars.modules, qr.modules, label.levelText.length);
  return (
    <>
      <div className="label-text" style={{ left: mm(face.pad), top: mm(face.pad), right: mm(width - face.qr.left + 1) }}>
        <div className="label-level" style={{ fontSize: mm(face.level.fontSize) }} data-testid="label-level">
          {label.levelText}
        </div>
        {label.lines.map((line) => (
          <div key={line} className="label-line" style={{ fontSize: mm(face.line.fontSize) }}>
            {line}
          </div>
        ))}
      </div>
      <div className="label-at" style={{ left: mm(face.qr.left), top: mm(face.qr.top) }}>
        <SymbolBox symbol={qr} width={face.qr.size} height={face.qr.size} testId="label-qr" />
      </div>
      <div className="label-at" style={{ left: mm(face.bars.left), top: mm(face.bars.top) }}>
        <SymbolBox symbol={bars} width={face.bars.width} height={face.bars.height} testId="label-bars" />
      </div>
      <div className="label-code" style={{ top: mm(face.code.top), fontSize: mm(face.code.fontSize) }} data-testid="label-code">
        {label.code}
      </div>
    </>
  );
}

export function LabelSheet({ labels, layout, pageLimit, onPaged }: Props) {
  const perPage = labelsPerPage(layout);
  const pages = Math.max(1, Math.ceil(labels.length / perPage));
  const boxes = labelBoxes(layout);
  const page = pageSize(layout);

  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => live && onPaged?.(pages));
    return () => {
      live = false;
    };
  }, [pages, onPaged]);

  const shown = Math.min(pages, pageLimit ?? pages);
  return (
    <article className="label-doc" data-testid="print-doc" data-pages={pages}>
      {Array.from({ length: shown }, (_, p) => (
        <section key={p} className="label-page" style={{ width: mm(page.width), height: mm(page.height) }} data-testid="print-page">
          {labels.slice(p * perPage, (p + 1) * perPage).map((label, i) => {
            const box = boxes[i]!;
            return (
              <div
                key={label.code}
                className="label"
                style={{ left: mm(box.x), top: mm(box.y), width: mm(box.width), height: mm(box.height) }}
                data-testid={`label-${label.code}`}
              >
                <Label label={label} width={box.width} height={box.height} />
              </div>
            );
          })}
        </section>
      ))}
    </article>
  );
}
