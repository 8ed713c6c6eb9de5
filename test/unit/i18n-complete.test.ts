// The three interface languages must say everything: same key tree, no empty text, every backend
// error code translated, and the same {{placeholders}} in each translation of a key.
import { describe, it, expect } from 'vitest';
import { ERROR_CODES } from '../../db/errors';
import zhCN from '../../renderer/src/i18n/locales/zh-CN';
import zhTW from '../../renderer/src/i18n/locales/zh-TW';
import en from '../../renderer/src/i18n/locales/en';

const LOCALES: Record<string, unknown> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** Flattens a resource tree to dotted keys; a non-string, non-object leaf is kept as is to fail below. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) {
    out.set(prefix, tree);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(Object.entries(LOCALES).map(([lang, tree]) => [lang, flatten(tree)]));
const allKeys = [...new Set(Object.values(flat).flatMap((m) => [...m.keys()]))].sort();

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort() : [];
}

describe('i18n resources', () => {
  it('have keys', () => {
    expect(allKeys.length).toBeGreaterThan(100);
  });

  for (const [lang, entries] of Object.entries(flat)) {
    it(`${lang} has every key of the other locales`, () => {
      expect(allKeys.filter((key) => !entries.has(key))).toEqual([]);
    });

    it(`${lang} has a non-empty string for every key`, () => {
      const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(bad).toEqual([]);
    });

    it(`${lang} translates every backend error code`, () => {
      const missing = ERROR_CODES.filter((code) => {
        const text = entries.get(`errors.${code}`);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(missing).toEqual([]);
    });
  }

  it('uses the same placeholders for a key in every locale', () => {
    const mismatched = allKeys.filter((key) => {
      const [first, ...rest] = Object.values(flat).map((m) => placeholders(m.get(key)).join(','));
      return rest.some((p) => p !== first);
    });
    expect(mismatched).toEqual([]);
  });

  it('asks the user to wait the given seconds after too many attempts', () => {
    for (const entries of Object.values(flat)) expect(entries.get('errors.E_TOO_MANY_ATTEMPTS')).toContain('{{seconds}}');
  });
});
