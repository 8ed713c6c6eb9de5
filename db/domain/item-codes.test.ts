import { describe, expect, it } from 'vitest';
import { ITEM_CODE_KINDS, itemCode, ledgerCodePrefix, looksLikeItemCode, parseItemCode } from './item-codes';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

describe('label codes', () => {
  it('read back as the kind and row they were made for', () => {
    const prefix = ledgerCodePrefix('0b6f6a8e-8d1c-4c1e-9a53-4a2f0f1b2c3d');
    for (const kind of ITEM_CODE_KINDS) {
      for (const id of [1, 12, 99_999, 1_234_567]) {
        const code = itemCode(prefix, kind, id);
        expect(code).toMatch(/^SL[0-9A-Z]{2}[DCMG]\d{5,}[0-9A-Z]$/);
        expect(parseItemCode(code)).toEqual({ ok: true, code, prefix, kind, id });
      }
    }
  });

  it('say nothing but the ledger, the kind and a number', () => {
    expect(itemCode('7K', 'copy', 12)).toMatch(/^SL7KD00012[0-9A-Z]$/);
    expect(itemCode('7K', 'cabinet', 3).slice(0, 10)).toBe('SL7KG00003');
  });

  it('refuse every single mistyped character and every swap of two neighbours', () => {
    const code = itemCode('7K', 'copy', 40_213);
    for (let i = 0; i < code.length; i += 1) {
      for (const ch of ALPHABET) {
        if (ch === code[i]) continue;
        const typed = code.slice(0, i) + ch + code.slice(i + 1);
        expect(parseItemCode(typed).ok, typed).toBe(false);
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(parseItemCode(swapped).ok, swapped).toBe(false);
      }
    }
  });

  it('tell a mistyped code from text that is no code at all', () => {
    const code = itemCode('7K', 'medium', 5);
    const last = code.at(-1)!;
    const wrong = code.slice(0, -1) + (last === '0' ? '1' : '0');
    expect(parseItemCode(wrong)).toEqual({ ok: false, reason: 'check' });
    for (const text of ['', '纪要', 'SL7KX00001A', 'SL7KD1A', '2026-0001']) expect(parseItemCode(text)).toEqual({ ok: false, reason: 'format' });
  });

  it('forgive what a scanner or a hand adds: lower case, full-width characters, spaces', () => {
    const code = itemCode('AB', 'computer', 77);
    const fullWidth = [...code.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(parseItemCode(` ${code.toLowerCase()} `)).toMatchObject({ ok: true, code });
    expect(parseItemCode(fullWidth)).toMatchObject({ ok: true, code });
    expect(looksLikeItemCode(fullWidth)).toBe(true);
    expect(looksLikeItemCode('通知')).toBe(false);
  });

  it('carry a prefix that differs from one ledger to another and never changes for one', () => {
    const a = ledgerCodePrefix('ledger-a');
    expect(ledgerCodePrefix('ledger-a')).toBe(a);
    expect(a).toMatch(/^[0-9A-Z]{2}$/);
    const prefixes = new Set(Array.from({ length: 200 }, (_, i) => ledgerCodePrefix(`ledger-${i}`)));
    expect(prefixes.size).toBeGreaterThan(180);
  });
});
