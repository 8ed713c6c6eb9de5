// The label layouts the dialog offers and where each label sits on paper: an A4 sheet's grid (a preset of db/domain/
// labels, or a custom grid in mm) or a label printer's single label, one to a page.
import { A4_MM, LABEL_PRESET_NAMES, LABEL_PRESETS, type LabelGrid, type LabelPreset } from '../../../../db/domain/labels';
import type { LabelLayout } from '../../../../preload/contract';

export type LayoutChoice = LabelPreset | 'custom' | 'single';

/** The dialog's fields: the choice, the custom grid and the single label's size (kept while another is chosen). */
export interface LayoutValues extends LabelGrid {
  choice: LayoutChoice;
  widthMm: number;
  heightMm: number;
}

/** A common label printer's roll (60 × 40 mm) until the user says otherwise. */
const SINGLE_DEFAULT = { widthMm: 60, heightMm: 40 } as const;

export const LABEL_CHOICES: LayoutChoice[] = [...LABEL_PRESET_NAMES, 'custom', 'single'];

/** The fields of a custom grid, in the order the dialog shows them. */
export const GRID_FIELDS = ['columns', 'rows', 'labelWidthMm', 'labelHeightMm', 'marginTopMm', 'marginLeftMm', 'gapXmm', 'gapYmm'] as const;

/** The dialog's fields for a layout (the last one used, or none: the first preset). */
export function valuesOf(layout: LabelLayout | null): LayoutValues {
  const first = LABEL_PRESET_NAMES[0];
  const grid = layout?.kind === 'sheet' ? layout : { ...LABEL_PRESETS[first] };
  const single = layout?.kind === 'single' ? layout : SINGLE_DEFAULT;
  const choice: LayoutChoice = !layout ? first : layout.kind === 'single' ? 'single' : layout.preset;
  return {
    choice,
    ...Object.fromEntries(GRID_FIELDS.map((f) => [f, grid[f]])),
    widthMm: single.widthMm,
    heightMm: single.heightMm,
  } as LayoutValues;
}

/** The layout the fields say, or null while a size is still empty. */
export function layoutOf(values: LayoutValues): LabelLayout | null {
  if (values.choice === 'single') {
    return values.widthMm > 0 && values.heightMm > 0 ? { kind: 'single', widthMm: values.widthMm, heightMm: values.heightMm } : null;
  }
  if (values.choice !== 'custom') return { kind: 'sheet', preset: values.choice, ...LABEL_PRESETS[values.choice] };
  if (!GRID_FIELDS.every((f) => typeof values[f] === 'number')) return null;
  const { columns, rows, labelWidthMm, labelHeightMm, marginTopMm, marginLeftMm, gapXmm, gapYmm } = values;
  const grid: LabelGrid = { columns, rows, labelWidthMm, labelHeightMm, marginTopMm, marginLeftMm, gapXmm, gapYmm };
  return { kind: 'sheet', preset: 'custom', ...grid };
}

export function labelsPerPage(layout: LabelLayout): number {
  return layout.kind === 'single' ? 1 : layout.columns * layout.rows;
}

/** Sheets of A4 (or single labels) that `count` labels take. */
export function pagesFor(count: number, layout: LabelLayout): number {
  return Math.ceil(count / labelsPerPage(layout));
}

export function pageSize(layout: LabelLayout): { width: number; height: number } {
  return layout.kind === 'single' ? { width: layout.widthMm, height: layout.heightMm } : A4_MM;
}

/** The print route's sheet: A4 for a label sheet, the label's own size for a label printer, no margins of Chromium's. */
export function labelPageRule(layout: LabelLayout): string {
  return layout.kind === 'single' ? `@page { size: ${layout.widthMm}mm ${layout.heightMm}mm; margin: 0; }` : '@page { size: A4 portrait; margin: 0; }';
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each label of a page sits, in mm from the page's top left, row by row. */
export function labelBoxes(layout: LabelLayout): Box[] {
  if (layout.kind === 'single') return [{ x: 0, y: 0, width: layout.widthMm, height: layout.heightMm }];
  return Array.from({ length: layout.columns * layout.rows }, (_, i) => {
    const column = i % layout.columns;
    const row = Math.floor(i / layout.columns);
    return {
      x: layout.marginLeftMm + column * (layout.labelWidthMm + layout.gapXmm),
      y: layout.marginTopMm + row * (layout.labelHeightMm + layout.gapYmm),
      width: layout.labelWidthMm,
      height: layout.labelHeightMm,
    };
  });
}
