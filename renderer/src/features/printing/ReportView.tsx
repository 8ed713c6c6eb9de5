// A report (ReportDocument: the 统计 printout, the annual pack) on A4 portrait pages, with the same running header and
// footer as every printout (PageFrame). Its blocks are measured once in one column and cut into pages (pages.ts):
// a table between its rows under its repeated caption and column headers, a heading kept with what follows it, a
// chart whole (SVG, so the PDF stays vector) and kept with the table of its numbers printed under it.
import { useCallback, useRef } from 'react';
import type { TFunction } from 'i18next';
import type { PrintMeta } from '../../../../preload/contract';
import type { ChartSpec, ReportBlock, ReportDocument } from '../../../../db/domain/report';
import { ReportChart } from '../../ui/charts/ReportChart';
import { chartHeight } from '../../ui/charts/option';
import { DocHead, MeasurePass, PageFrame, PrintTable, usePages, type TableColumn } from './PageFrame';
import { measureBlocks, paginateBlocks, type BlockPart, type PageRange } from './pages';

type T = TFunction<'translation'>;

interface Props {
  doc: ReportDocument;
  meta: PrintMeta;
  t: T;
  /** The pages shown: on screen the first, in the print route one chunk (all are counted). */
  shown?: PageRange;
  /** Told the page count once the pages shown are laid out and their charts drawn, again for each other chunk. */
  onPaged?(pages: number): void;
}

interface TableUnit {
  kind: 'table';
  caption: string;
  columns: TableColumn[];
  rows: string[][];
}
/** What the pages are cut from: the report's blocks, the head first, each chart followed by the table of its numbers. */
type Unit = { kind: 'head' } | Extract<ReportBlock, { kind: 'heading' | 'paragraph' }> | TableUnit | { kind: 'chart'; chart: ChartSpec };

/** A chart's numbers as a table: a row per category, a column per series; the unit in the corner. */
function numbersOf(chart: ChartSpec, t: T): TableUnit {
  return {
    kind: 'table',
    caption: chart.title,
    columns: [
      { key: 'category', label: t('print.chartUnit', { unit: chart.unit }), width: 3 },
      ...chart.series.map((s, i) => ({ key: `s${i}`, label: s.name, width: 2 })),
    ],
    rows: chart.categories.map((category, i) => [category, ...chart.series.map((s) => String(s.values[i] ?? ''))]),
  };
}

function unitsOf(doc: ReportDocument, t: T): Unit[] {
  return [{ kind: 'head' }, ...doc.blocks.flatMap((b): Unit[] => (b.kind === 'chart' ? [b, numbersOf(b.chart, t)] : [b]))];
}

/** How a unit is cut: whole, whole and kept with the next (the head, a heading, a chart), or by its rows. */
const cutOf = (unit: Unit): 'whole' | 'kept' | 'rows' => (unit.kind === 'table' ? 'rows' : unit.kind === 'paragraph' ? 'whole' : 'kept');

function UnitView({ unit, part, doc, t, measuring }: { unit: Unit; part: BlockPart; doc: ReportDocument; t: T; measuring: boolean }) {
  const body = (() => {
    switch (unit.kind) {
      case 'head':
        return <DocHead unitName={doc.unitName} title={doc.title} number={doc.number} t={t} />;
      case 'heading':
        return unit.level === 1 ? <h2 className="report-heading">{unit.text}</h2> : <h3 className="report-subheading">{unit.text}</h3>;
      case 'paragraph':
        return <p className="report-paragraph">{unit.text}</p>;
      case 'table': {
        const continued = part.from > 0;
        const rows = measuring ? unit.rows : unit.rows.slice(part.from, part.to);
        return <PrintTable caption={continued ? `${unit.caption}${t('print.continued')}` : unit.caption} columns={unit.columns} rows={rows} report />;
      }
      case 'chart':
        // Measured as a box of the chart's size; drawn on the pages only.
        return measuring ? (
          <div className="report-chart-box" style={{ height: chartHeight(unit.chart) }} />
        ) : (
          <ReportChart spec={unit.chart} height={chartHeight(unit.chart)} />
        );
    }
  })();
  return (
    <div className={`report-unit report-unit-${unit.kind}`} data-unit={cutOf(unit)}>
      {body}
    </div>
  );
}

const WHOLE: BlockPart = { block: 0, from: 0, to: 0 };

export function ReportView({ doc, meta, t, shown, onPaged }: Props) {
  const units = unitsOf(doc, t);
  const article = useRef<HTMLElement>(null);
  const cut = (pass: HTMLElement) => {
    const { body, blocks } = measureBlocks(pass);
    return paginateBlocks(body, blocks);
  };
  // Told once the charts on the pages have drawn (ReportChart marks each): the print route prints only then.
  const drawn = useCallback(
    (pages: number) => {
      const told = () => {
        const charts = Array.from(article.current?.querySelectorAll<HTMLElement>('.report-chart') ?? []);
        if (charts.every((c) => c.dataset['chartDrawn'] === 'true')) onPaged?.(pages);
        else requestAnimationFrame(told);
      };
      told();
    },
    [onPaged],
  );
  const { pages, pass } = usePages(doc, cut, drawn);

  const className = 'print-doc print-portrait print-report';
  if (!pages)
    return (
      <MeasurePass className={className} pass={pass}>
        {units.map((unit, i) => (
          <UnitView key={i} unit={unit} part={WHOLE} doc={doc} t={t} measuring />
        ))}
      </MeasurePass>
    );

  const from = shown?.from ?? 0;
  const startsWithHead = (parts: BlockPart[]) => parts[0]?.block === 0;
  return (
    <article ref={article} className={className} data-testid="print-doc" data-pages={pages.length}>
      {pages.slice(from, shown?.to).map((parts, i) => (
        <PageFrame
          key={from + i}
          markingText={doc.markingText}
          runningTitle={startsWithHead(parts) ? '' : `${doc.unitName} ${doc.title}`}
          runningNumber={startsWithHead(parts) ? '' : doc.number}
          meta={meta}
          page={from + i + 1}
          pages={pages.length}
          t={t}
        >
          {parts.map((part) => (
            <UnitView key={`${part.block}-${part.from}`} unit={units[part.block]!} part={part} doc={doc} t={t} measuring={false} />
          ))}
        </PageFrame>
      ))}
    </article>
  );
}
