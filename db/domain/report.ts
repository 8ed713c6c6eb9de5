// A report (统计 printout, 年度自查材料): headings, paragraphs, tables and charts in order. The backend builds it from
// the ledger's figures; the renderer lays it out on A4 pages (print), draws its charts (screen, print as SVG, the
// Word document as PNG), and the .docx writer walks the same blocks: one report, three outputs, the same numbers.
import type { DocumentLevel } from './levels';

/** A chart as data: what it shows is these numbers and nothing else (a table beside it repeats them). */
export interface ChartSpec {
  /** Stable within its report: the Word export names the PNG it was given by it. */
  id: string;
  /** bars: grouped or stacked columns over categories (months, levels); hbars: one bar per row (days late). */
  type: 'bars' | 'stacked' | 'hbars';
  title: string;
  /** What one unit of a value is (件, 份, 次, 天), said after each number. */
  unit: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface ReportColumn {
  key: string;
  label: string;
  /** Relative width, as a register's columns. */
  width: number;
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  /** Cells already formatted; the columns' relative widths as on a register. */
  | { kind: 'table'; caption: string; columns: ReportColumn[]; rows: string[][] }
  | { kind: 'chart'; chart: ChartSpec };

export interface ReportDocument {
  kind: 'report';
  sheet: null;
  orientation: 'portrait';
  title: string;
  /** Printed as the running number when not empty (the pack's year, e.g. 2026年度). */
  number: string;
  unitName: string;
  /** The marking of the most sensitive content, top left on every page ('' when none is classified). */
  markingText: string;
  highestLevel: DocumentLevel | null;
  blocks: ReportBlock[];
}
