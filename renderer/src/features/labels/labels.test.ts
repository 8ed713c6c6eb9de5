// Where labels sit on paper and what each label's face holds: the presets' grids on A4 to the millimetre, the
// dialog's fields and layouts both ways, and on every preset a Code 128 with modules a scanner resolves, quiet
// zones inside the label, the QR and the text apart.
import { describe, expect, it } from 'vitest';
import { A4_MM, fitsA4, LABEL_PRESET_NAMES, LABEL_PRESETS, type LabelLayout } from '../../../../db/domain/labels';
import { itemCode } from '../../../../db/domain/item-codes';
import { faceOf, MIN_LABEL_HEIGHT_MM, MIN_MODULE_MM, minLabelWidth } from './face';
import { labelBoxes, labelPageRule, layoutOf, pagesFor, valuesOf } from './layouts';
import { code128Symbol, qrSymbol, widestCode128 } from './symbols';

const preset = (name: (typeof LABEL_PRESET_NAMES)[number]): LabelLayout => ({ kind: 'sheet', preset: name, ...LABEL_PRESETS[name] });
const CODES = [itemCode('7K', 'copy', 12), itemCode('ZZ', 'cabinet', 3), itemCode('A0', 'medium', 123456)];

describe('label layouts', () => {
  it('puts a 3×8 sheet’s 24 labels edge to edge, row by row, on the A4 sheet', () => {
    const boxes = labelBoxes(preset('3x8'));
    expect(boxes).toHaveLength(24);
    expect(boxes[0]).toEqual({ x: 0, y: 0.5, width: 70, height: 37 });
    expect(boxes[1]).toEqual({ x: 70, y: 0.5, width: 70, height: 37 });
    expect(boxes[3]).toEqual({ x: 0, y: 37.5, width: 70, height: 37 });
    const last = boxes[23]!;
    expect(last.x + last.width).toBeLessThanOrEqual(A4_MM.width);
    expect(last.y + last.height).toBeCloseTo(296.5);
  });

  it('keeps a custom grid’s margins and gaps, and a single label is its own page of its own size', () => {
    const custom: LabelLayout = {
      kind: 'sheet',
      preset: 'custom',
      columns: 2,
      rows: 3,
      labelWidthMm: 90,
      labelHeightMm: 50,
      marginTopMm: 10,
      marginLeftMm: 12,
      gapXmm: 6,
      gapYmm: 4,
    };
    expect(labelBoxes(custom)[5]).toEqual({ x: 108, y: 118, width: 90, height: 50 });
    expect(labelBoxes({ kind: 'single', widthMm: 60, heightMm: 40 })).toEqual([{ x: 0, y: 0, width: 60, height: 40 }]);
    expect(labelPageRule({ kind: 'single', widthMm: 60, heightMm: 40 })).toBe('@page { size: 60mm 40mm; margin: 0; }');
    expect(labelPageRule(custom)).toBe('@page { size: A4 portrait; margin: 0; }');
  });

  it('counts the sheets: 9 labels on one 3×8 sheet, 25 on two; single labels one a page', () => {
    expect(pagesFor(9, preset('3x8'))).toBe(1);
    expect(pagesFor(25, preset('3x8'))).toBe(2);
    expect(pagesFor(40, preset('4x10'))).toBe(1);
    expect(pagesFor(9, { kind: 'single', widthMm: 60, heightMm: 40 })).toBe(9);
  });

  it('reads the dialog’s fields as a layout and a layout back as fields; none used yet starts on the first preset', () => {
    expect(valuesOf(null).choice).toBe(LABEL_PRESET_NAMES[0]);
    expect(layoutOf(valuesOf(null))).toEqual(preset(LABEL_PRESET_NAMES[0]));
    const custom: LabelLayout = {
      kind: 'sheet',
      preset: 'custom',
      columns: 2,
      rows: 6,
      labelWidthMm: 90,
      labelHeightMm: 40,
      marginTopMm: 10,
      marginLeftMm: 12,
      gapXmm: 4,
      gapYmm: 3,
    };
    const single: LabelLayout = { kind: 'single', widthMm: 50, heightMm: 30 };
    for (const layout of [custom, single, preset('4x10')]) expect(layoutOf(valuesOf(layout))).toEqual(layout);
    // A preset chosen after a custom grid prints with the preset's sizes; a size left empty is no layout yet.
    expect(layoutOf({ ...valuesOf(custom), choice: '2x5' })).toEqual(preset('2x5'));
    expect(layoutOf({ ...valuesOf(custom), labelWidthMm: undefined as unknown as number })).toBeNull();
  });
});

describe('a label’s face', () => {
  it('counts the Code 128’s modules and draws the QR as a version 1 matrix', () => {
    for (const code of CODES) {
      const bars = code128Symbol(code);
      // Start, data, check and stop: 11 modules a symbol character, 13 for the stop; at most one character a code character.
      expect(bars.modules).toBeGreaterThanOrEqual(11 * 7 + 13);
      expect(bars.modules).toBeLessThanOrEqual(11 * (code.length + 2) + 13);
      expect(bars.body.trim()).toMatch(/^<path /);
      expect(qrSymbol(code).modules).toBe(21);
    }
  });

  it('finds the widest Code 128 of many codes by their shapes: as wide as drawing each', () => {
    const codes = [...CODES, itemCode('7K', 'copy', 99999), itemCode('7K', 'computer', 1234567)];
    expect(widestCode128(codes)).toBe(Math.max(...codes.map((c) => code128Symbol(c).modules)));
    expect(widestCode128([])).toBe(0);
  });

  it('on every preset: modules a scanner resolves, the quiet zones, the QR and the text inside the label and apart', () => {
    for (const name of LABEL_PRESET_NAMES) {
      const { labelWidthMm: w, labelHeightMm: h } = LABEL_PRESETS[name];
      expect(fitsA4(preset(name))).toBe(true);
      expect(w).toBeGreaterThanOrEqual(minLabelWidth(code128Symbol(CODES[2]!).modules));
      for (const code of CODES) {
        const bars = code128Symbol(code);
        const face = faceOf(w, h, bars.modules, 21, 3);
        expect(face.bars.moduleMm, name).toBeGreaterThanOrEqual(MIN_MODULE_MM);
        // Ten modules clear on each side, inside the label.
        expect(face.bars.left, name).toBeGreaterThanOrEqual(10 * face.bars.moduleMm - 0.01);
        expect(face.bars.left + face.bars.width + 10 * face.bars.moduleMm, name).toBeLessThanOrEqual(w + 0.01);
        expect(face.code.top + face.code.fontSize * 1.3, name).toBeLessThanOrEqual(h);
        expect(face.qr.left + face.qr.size, name).toBeLessThanOrEqual(w);
        expect(face.qr.top + face.qr.size, name).toBeLessThanOrEqual(face.bars.top);
        // The level, three characters at most, ends before the QR begins.
        expect(face.pad + 3 * face.level.fontSize, name).toBeLessThanOrEqual(face.qr.left);
      }
    }
  });

  it('a label as narrow and as low as the dialog allows still gives a scanner its modules', () => {
    const modules = code128Symbol(CODES[2]!).modules;
    const face = faceOf(minLabelWidth(modules), MIN_LABEL_HEIGHT_MM, modules, 21, 3);
    expect(face.bars.moduleMm).toBeGreaterThanOrEqual(MIN_MODULE_MM);
    expect(face.bars.height).toBeGreaterThanOrEqual(5);
    expect(face.qr.size).toBeGreaterThan(0);
  });
});
