// 标签: what a label says and how labels sit on paper, shared by the backend (which builds each label's text) and the
// renderer (which draws the bar codes). A label never says what a document is about: no title, ever; a 机密 or 绝密
// one says its level and its code only, so a label seen on a desk or a cabinet gives nothing away.
import { z } from 'zod';
import { formatCopyNo } from './copies';
import type { DeviceLevel, DocumentLevel, Level } from './levels';
import { LEVEL_TERMS, say, type Language, type Term } from './terms';

export const A4_MM = { width: 210, height: 297 } as const;

/** A grid of labels on an A4 sheet, in mm from the sheet's top left. */
export interface LabelGrid {
  columns: number;
  rows: number;
  labelWidthMm: number;
  labelHeightMm: number;
  marginTopMm: number;
  marginLeftMm: number;
  gapXmm: number;
  gapYmm: number;
}

export const LABEL_PRESET_NAMES = ['3x8', '4x10', '2x5'] as const;
export type LabelPreset = (typeof LABEL_PRESET_NAMES)[number];

/**
 * The common A4 label sheets, as their makers give them: 24 labels of 70 × 37 mm edge to edge (e.g. Avery 3474),
 * 40 of 48.5 × 25.4 mm (Avery 3657), 10 of 105 × 57 mm (Avery 3425); the margins centre the grid on the sheet.
 */
export const LABEL_PRESETS: Record<LabelPreset, LabelGrid> = {
  '3x8': { columns: 3, rows: 8, labelWidthMm: 70, labelHeightMm: 37, marginTopMm: 0.5, marginLeftMm: 0, gapXmm: 0, gapYmm: 0 },
  '4x10': { columns: 4, rows: 10, labelWidthMm: 48.5, labelHeightMm: 25.4, marginTopMm: 21.5, marginLeftMm: 8, gapXmm: 0, gapYmm: 0 },
  '2x5': { columns: 2, rows: 5, labelWidthMm: 105, labelHeightMm: 57, marginTopMm: 6, marginLeftMm: 0, gapXmm: 0, gapYmm: 0 },
};

/** At most this many labels in one print request (a batch of 5,000 copies is already a day's work). */
export const MAX_LABELS = 5000;

const mm = (min: number, max: number) => z.number().min(min).max(max);

/** An A4 sheet's grid (a preset, or a custom one in mm), or single labels of a label printer (one label a page). */
export const labelLayoutSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sheet'),
      preset: z.enum([...LABEL_PRESET_NAMES, 'custom']),
      columns: z.number().int().min(1).max(10),
      rows: z.number().int().min(1).max(30),
      labelWidthMm: mm(10, A4_MM.width),
      labelHeightMm: mm(8, A4_MM.height),
      marginTopMm: mm(0, 100),
      marginLeftMm: mm(0, 100),
      gapXmm: mm(0, 50),
      gapYmm: mm(0, 50),
    })
    .strict(),
  z.object({ kind: z.literal('single'), widthMm: mm(15, 200), heightMm: mm(10, 200) }).strict(),
]);
export type LabelLayout = z.output<typeof labelLayoutSchema>;

/** Half a tenth of a millimetre: what the makers' rounded sizes may add up to beyond the sheet. */
const TOLERANCE_MM = 0.05;

/** Whether a sheet's grid lies within the A4 sheet (a single label is its own page). */
export function fitsA4(layout: LabelLayout): boolean {
  if (layout.kind === 'single') return true;
  const width = layout.marginLeftMm + layout.columns * layout.labelWidthMm + (layout.columns - 1) * layout.gapXmm;
  const height = layout.marginTopMm + layout.rows * layout.labelHeightMm + (layout.rows - 1) * layout.gapYmm;
  return width <= A4_MM.width + TOLERANCE_MM && height <= A4_MM.height + TOLERANCE_MM;
}

/** A named preset always has its maker's sizes, whatever sizes came with it. */
export function normalLayout(layout: LabelLayout): LabelLayout {
  return layout.kind === 'sheet' && layout.preset !== 'custom' ? { kind: 'sheet', preset: layout.preset, ...LABEL_PRESETS[layout.preset] } : layout;
}

const id = z.number().int().positive();

/** What to print labels for: copies (absent copyNos: every copy held, in copy order), devices, cabinets. */
export const labelItemsSchema = z
  .object({
    copies: z
      .array(
        z
          .object({
            documentId: id,
            copyNos: z.array(z.number().int().min(1).max(9999)).min(1).max(999).optional(),
          })
          .strict(),
      )
      .max(MAX_LABELS)
      .optional(),
    devices: z
      .array(z.object({ device: z.enum(['computer', 'medium']), id }).strict())
      .max(MAX_LABELS)
      .optional(),
    cabinets: z.array(id).max(MAX_LABELS).optional(),
  })
  .strict();
export type LabelItems = z.input<typeof labelItemsSchema>;

/** One label: its code (drawn as Code 128 and QR and written out), its level written large, and its lines of text. */
export interface LabelData {
  code: string;
  level: Level;
  levelText: string;
  /** e.g. 收文编号 2026-0012, 份号 0003; empty on a 机密 or 绝密 label. */
  lines: string[];
}

/** What a label is of: only what may be written on it (a copy's numbers, never its document's title). */
export type LabelSubject =
  | { kind: 'copy'; code: string; level: DocumentLevel; receiptNo: string; copyNo: number }
  | { kind: 'device'; code: string; level: DeviceLevel; deviceCode: string }
  | { kind: 'cabinet'; code: string; level: DocumentLevel; name: string; cabinetCode: string };

export const LABEL_WORDS = {
  title: ['标签', '標籤', 'Labels'],
  receiptNo: ['收文编号', '收文編號', 'Receipt no.'],
  copyNo: ['份号', '份號', 'Copy no.'],
  deviceCode: ['设备编号', '設備編號', 'Device no.'],
  cabinetCode: ['保密柜编号', '保密櫃編號', 'Cabinet no.'],
} as const satisfies Record<string, Term>;

/** 机密 and 绝密 labels show the level and the code only. */
const BARE_LEVELS: readonly Level[] = ['top_secret', 'secret'];

const line = (word: Term, value: string, language: Language) => `${say(word, language)} ${value}`;

/** The label of a copy, a device or a cabinet (a cabinet's label names it: a cabinet is no secret). */
export function labelOf(subject: LabelSubject, language: Language): LabelData {
  const face = { code: subject.code, level: subject.level, levelText: say(LEVEL_TERMS[subject.level], language) };
  if (subject.kind === 'cabinet') return { ...face, lines: [subject.name, line(LABEL_WORDS.cabinetCode, subject.cabinetCode, language)] };
  if (BARE_LEVELS.includes(subject.level)) return { ...face, lines: [] };
  return {
    ...face,
    lines:
      subject.kind === 'copy'
        ? [line(LABEL_WORDS.receiptNo, subject.receiptNo, language), line(LABEL_WORDS.copyNo, formatCopyNo(subject.copyNo), language)]
        : [line(LABEL_WORDS.deviceCode, subject.deviceCode, language)],
  };
}
