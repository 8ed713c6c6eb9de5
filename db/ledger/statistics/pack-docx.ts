// The annual pack as a Word document (.docx), because units write their self-inspection report in Word or WPS: the
// same blocks as the printout — headings, tables with their header repeated on each page, the charts as the PNGs the
// renderer drew of them — on A4 portrait, the marking top left in the header, 第 N 页 共 M 页 in the footer. Written
// with the `docx` library; its core properties carry the build time, not the moment the file was zipped.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { fillPack, PACK_SUMMARY_TERMS } from '../../domain/pack';
import type { ChartSpec, ReportBlock, ReportDocument } from '../../domain/report';
import { say, type Language } from '../../domain/terms';
import { LedgerError } from '../../errors';

/** A chart as drawn by the renderer: its PNG and its size in pixels (read from the PNG itself). */
export interface ChartImage {
  data: Buffer;
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A chart at print resolution is a few hundred kilobytes; more is not a chart. */
export const MAX_CHART_BYTES = 4 * 1024 * 1024;

/** A chart's PNG from base64: the PNG signature, an IHDR with a sane size, and no more than the limit. */
export function readChartPng(id: string, base64: string): ChartImage {
  const refuse = () => new LedgerError('E_VALIDATION', { field: 'charts', key: id });
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw refuse();
  const data = Buffer.from(base64, 'base64');
  if (data.length > MAX_CHART_BYTES || data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR')
    throw refuse();
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  if (width < 1 || height < 1 || width > 8000 || height > 8000) throw refuse();
  return { data, width, height };
}

// A4 portrait in twips (1/20 pt), with 2.5 cm margins: the text is 16 cm wide.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1418;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
/** The text width in pixels at 96 dpi, which ImageRun sizes are in. */
const TEXT_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun' };

function tableOf(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const total = block.columns.reduce((n, c) => n + c.width, 0) || 1;
  const widths = block.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      // The header row repeats on every page the table runs over, as a register's does.
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c.label, i, true)) }),
      ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i)) })),
    ],
  });
}

/** A chart's numbers as a table under it, as the print view has them: a row per category, a column per series. */
function numbersOf(chart: ChartSpec, language: Language): Extract<ReportBlock, { kind: 'table' }> {
  return {
    kind: 'table',
    caption: chart.title,
    columns: [
      { key: 'category', label: fillPack(say(PACK_SUMMARY_TERMS.chartUnit, language), { unit: chart.unit }), width: 3 },
      ...chart.series.map((s, i) => ({ key: `s${i}`, label: s.name, width: 2 })),
    ],
    rows: chart.categories.map((category, i) => [category, ...chart.series.map((s) => String(s.values[i] ?? ''))]),
  };
}

function blockOf(block: ReportBlock, charts: ReadonlyMap<string, ChartImage>, language: Language): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true })];
    case 'paragraph':
      return [new Paragraph({ text: block.text })];
    case 'table':
      return [new Paragraph({ children: [new TextRun({ text: block.caption, bold: true })], keepNext: true }), tableOf(block), new Paragraph({ text: '' })];
    case 'chart':
      return [...chartOf(block.chart, charts.get(block.chart.id)!), ...blockOf(numbersOf(block.chart, language), charts, language)];
  }
}

function chartOf(chart: ChartSpec, image: ChartImage): Paragraph[] {
  const width = Math.min(TEXT_PX, image.width);
  const height = Math.round((image.height / image.width) * width);
  return [
    new Paragraph({ children: [new TextRun({ text: chart.title, bold: true })], keepNext: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: image.data,
          transformation: { width, height },
          altText: { name: chart.id, title: chart.title, description: chart.title },
        }),
      ],
    }),
  ];
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml with the build time as created and modified (the library would write the moment it packs). */
function coreProperties(title: string, by: string, at: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(title)}</dc:title><dc:creator>${xml(by)}</dc:creator><cp:lastModifiedBy>${xml(by)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** 第 N 页 共 M 页 (Page N of M), with the page fields Word fills in. */
function pageFooter(language: Language): Footer {
  const [before, middle, after] = language === 'en' ? ['Page ', ' of ', ''] : language === 'zh-TW' ? ['第 ', ' 頁 共 ', ' 頁'] : ['第 ', ' 页 共 ', ' 页'];
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, after] })],
      }),
    ],
  });
}

export async function packToDocx(
  doc: ReportDocument,
  charts: ReadonlyMap<string, ChartImage>,
  build: { by: string; at: string; language: Language },
): Promise<Buffer> {
  const title = [doc.unitName, doc.title, doc.number].filter(Boolean).join(' ');
  const document = new Document({
    title,
    creator: build.by,
    lastModifiedBy: build.by,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        // The marking of the most sensitive content, top left on every page.
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: doc.markingText, bold: true })] })] }),
        },
        footers: { default: pageFooter(build.language) },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.TITLE, children: [new TextRun({ text: title, bold: true })] }),
          ...doc.blocks.flatMap((b) => blockOf(b, charts, build.language)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(title, build.by, build.at) }]);
}
