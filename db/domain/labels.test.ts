// What a label says and whether a layout fits its paper: 机密 and 绝密 labels show level and code only, the others
// their numbers; the makers' A4 sheets fit A4, a grid larger than the sheet does not.
import { describe, expect, it } from 'vitest';
import { fitsA4, LABEL_PRESETS, labelLayoutSchema, labelOf, normalLayout, type LabelLayout } from './labels';

const sheet = (over: Partial<Extract<LabelLayout, { kind: 'sheet' }>> = {}): LabelLayout => ({
  kind: 'sheet',
  preset: 'custom',
  ...LABEL_PRESETS['3x8'],
  ...over,
});

describe('a label’s text', () => {
  it('shows a 机密 or 绝密 copy’s level and code only, and a 秘密 or 内部 copy’s 收文编号 and 份号', () => {
    const copy = { kind: 'copy', code: 'SL7KD00012Q', receiptNo: '2026-0012', copyNo: 3 } as const;
    expect(labelOf({ ...copy, level: 'top_secret' }, 'zh-CN')).toEqual({ code: 'SL7KD00012Q', level: 'top_secret', levelText: '绝密', lines: [] });
    expect(labelOf({ ...copy, level: 'secret' }, 'zh-CN')).toEqual({ code: 'SL7KD00012Q', level: 'secret', levelText: '机密', lines: [] });
    expect(labelOf({ ...copy, level: 'confidential' }, 'zh-CN')).toEqual({
      code: 'SL7KD00012Q',
      level: 'confidential',
      levelText: '秘密',
      lines: ['收文编号 2026-0012', '份号 0003'],
    });
    expect(labelOf({ ...copy, level: 'internal' }, 'zh-TW').lines).toEqual(['收文編號 2026-0012', '份號 0003']);
    expect(labelOf({ ...copy, level: 'internal' }, 'en')).toMatchObject({ levelText: 'Internal', lines: ['Receipt no. 2026-0012', 'Copy no. 0003'] });
  });

  it('shows a device’s 设备编号 unless it is 机密 or 绝密, and a cabinet’s name and number always', () => {
    const device = { kind: 'device', code: 'SL7KC00001X', deviceCode: 'BM-JSJ-01' } as const;
    expect(labelOf({ ...device, level: 'secret' }, 'zh-CN').lines).toEqual([]);
    expect(labelOf({ ...device, level: 'confidential' }, 'zh-CN').lines).toEqual(['设备编号 BM-JSJ-01']);
    expect(labelOf({ ...device, level: 'non_secret' }, 'zh-CN')).toMatchObject({ levelText: '非涉密', lines: ['设备编号 BM-JSJ-01'] });
    const cabinet = labelOf({ kind: 'cabinet', code: 'SL7KG00001A', level: 'top_secret', name: '绝密专柜', cabinetCode: 'BMG-09' }, 'zh-CN');
    expect(cabinet).toEqual({ code: 'SL7KG00001A', level: 'top_secret', levelText: '绝密', lines: ['绝密专柜', '保密柜编号 BMG-09'] });
  });
});

describe('label layouts', () => {
  it('the common A4 sheets fit A4 with their makers’ sizes', () => {
    expect(LABEL_PRESETS['3x8']).toMatchObject({ columns: 3, rows: 8, labelWidthMm: 70, labelHeightMm: 37 });
    expect(LABEL_PRESETS['4x10']).toMatchObject({ columns: 4, rows: 10, labelWidthMm: 48.5, labelHeightMm: 25.4 });
    expect(LABEL_PRESETS['2x5']).toMatchObject({ columns: 2, rows: 5, labelWidthMm: 105, labelHeightMm: 57 });
    for (const preset of ['3x8', '4x10', '2x5'] as const) {
      const layout = labelLayoutSchema.parse({ kind: 'sheet', preset, ...LABEL_PRESETS[preset] });
      expect(fitsA4(layout), preset).toBe(true);
    }
  });

  it('a custom grid wider or taller than A4 does not fit; one that just fills it does', () => {
    expect(fitsA4(sheet({ columns: 3, labelWidthMm: 70, marginLeftMm: 0 }))).toBe(true);
    expect(fitsA4(sheet({ columns: 3, labelWidthMm: 70, marginLeftMm: 1 }))).toBe(false);
    expect(fitsA4(sheet({ columns: 3, labelWidthMm: 68, gapXmm: 3 }))).toBe(true);
    expect(fitsA4(sheet({ columns: 3, labelWidthMm: 68, gapXmm: 4 }))).toBe(false);
    expect(fitsA4(sheet({ rows: 8, labelHeightMm: 37, marginTopMm: 1.1 }))).toBe(false);
    expect(fitsA4(sheet({ rows: 9 }))).toBe(false);
    expect(fitsA4({ kind: 'single', widthMm: 60, heightMm: 40 })).toBe(true);
  });

  it('refuses sizes no label has and fields no layout has', () => {
    expect(labelLayoutSchema.safeParse({ ...sheet(), columns: 0 }).success).toBe(false);
    expect(labelLayoutSchema.safeParse({ ...sheet(), labelWidthMm: 5 }).success).toBe(false);
    expect(labelLayoutSchema.safeParse({ ...sheet(), preset: '5x13' }).success).toBe(false);
    expect(labelLayoutSchema.safeParse({ ...sheet(), extra: 1 }).success).toBe(false);
    expect(labelLayoutSchema.safeParse({ kind: 'single', widthMm: 300, heightMm: 40 }).success).toBe(false);
  });

  it('a named preset prints with its own sizes, a custom grid with the sizes given', () => {
    expect(normalLayout(sheet({ preset: '4x10' }))).toEqual({ kind: 'sheet', preset: '4x10', ...LABEL_PRESETS['4x10'] });
    const custom = sheet({ columns: 2, labelWidthMm: 90 });
    expect(normalLayout(custom)).toEqual(custom);
  });
});
