// The three interface languages must say everything: same key tree, no empty text, every backend
// error code translated, and the same {{placeholders}} in each translation of a key. The screens' words are the
// renderer's locales; the error messages are the domain core's catalogue (db/domain/errors), held to the same.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { ERROR_CODES, LedgerError } from '../../db/domain/errors';
import { zhCN as zhCNErrors } from '../../db/domain/errors/zh-CN';
import { zhTW as zhTWErrors } from '../../db/domain/errors/zh-TW';
import { en as enErrors } from '../../db/domain/errors/en';
import { DOCUMENT_LEVELS } from '../../db/domain/levels';
import { parseMarking } from '../../db/domain/marking';
import { COPY_STATUSES } from '../../db/ledger/documents/model';
import { ITEM_REMINDERS, STATUS_FILTERS } from '../../db/ledger/documents/queries';
import { TRANSMIT_CHANNELS } from '../../db/ledger/documents/operations';
import * as renderer from '../../renderer/src/features/documents/documents';
import zhCN from '../../renderer/src/i18n/locales/zh-CN';
import zhTW from '../../renderer/src/i18n/locales/zh-TW';
import en from '../../renderer/src/i18n/locales/en';

const LOCALES: Record<string, unknown> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
const ERROR_TEXTS: Record<string, unknown> = { 'zh-CN': zhCNErrors, 'zh-TW': zhTWErrors, en: enErrors };

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

const flatten3 = (trees: Record<string, unknown>) => Object.fromEntries(Object.entries(trees).map(([lang, tree]) => [lang, flatten(tree)]));
const keysOf = (flats: Record<string, Map<string, unknown>>) => [...new Set(Object.values(flats).flatMap((m) => [...m.keys()]))].sort();
const flat = flatten3(LOCALES);
const allKeys = keysOf(flat);
const errorFlat = flatten3(ERROR_TEXTS);
const allErrorKeys = keysOf(errorFlat);

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort() : [];
}

for (const [what, flats, keys] of [
  ['i18n resources', flat, allKeys],
  ['error catalogue', errorFlat, allErrorKeys],
] as const) {
  describe(what, () => {
    it('have keys', () => {
      expect(keys.length).toBeGreaterThan(100);
    });

    for (const [lang, entries] of Object.entries(flats)) {
      it(`${lang} has every key of the other languages`, () => {
        expect(keys.filter((key) => !entries.has(key))).toEqual([]);
      });

      it(`${lang} has a non-empty string for every key`, () => {
        const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
        expect(bad).toEqual([]);
      });
    }

    it('uses the same placeholders for a key in every language', () => {
      const mismatched = keys.filter((key) => {
        const [first, ...rest] = Object.values(flats).map((m) => placeholders(m.get(key)).join(','));
        return rest.some((p) => p !== first);
      });
      expect(mismatched).toEqual([]);
    });
  });
}

describe('error messages', () => {
  for (const [lang, entries] of Object.entries(errorFlat)) {
    it(`${lang} translates every backend error code`, () => {
      const missing = ERROR_CODES.filter((code) => {
        const text = entries.get(`errors.${code}`);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(missing).toEqual([]);
    });
  }

  it('asks the user to wait the given seconds after too many attempts', () => {
    for (const entries of Object.values(errorFlat)) expect(entries.get('errors.E_TOO_MANY_ATTEMPTS')).toContain('{{seconds}}');
  });
});

// The documents register speaks the backend's vocabulary: every value it can send has words in every language.
describe('documents vocabulary', () => {
  const each = (prefix: string, values: readonly string[]) => {
    for (const [lang, entries] of Object.entries(flat)) {
      expect(
        values.filter((v) => typeof entries.get(`${prefix}.${v}`) !== 'string'),
        `${lang} ${prefix}`,
      ).toEqual([]);
    }
  };

  it('names every level, copy state, status filter and reminder', () => {
    each('levels', DOCUMENT_LEVELS);
    each('copyStatus', COPY_STATUSES);
    each('statusFilters', STATUS_FILTERS);
    each('reminders.kinds', ITEM_REMINDERS);
  });

  it('names every kind of event the backend records', () => {
    // The kinds are written where the events are inserted; read them there so that a new one cannot go unnamed.
    const source = ['operations.ts', 'conveyance.ts']
      .map((file) => readFileSync(new URL(`../../db/ledger/documents/${file}`, import.meta.url), 'utf8'))
      .join('\n');
    const kinds = new Set<string>();
    for (const [, expr, approval] of source.matchAll(/\bkind: ([^,\n]+)(,\s*subject:)?/g)) {
      if (expr!.includes('|') || approval) continue; // a type, or the kind of approval an action needs: not an event
      for (const [, word] of expr!.matchAll(/(?<!===\s)'(\w+)'/g)) kinds.add(word!);
    }
    expect(kinds.size).toBeGreaterThan(10);
    expect([...kinds].filter((k) => !renderer.isEventKind(k))).toEqual([]);
    each('events', [...kinds]);
  });

  it('offers exactly the lawful transmission channels', () => {
    expect([...renderer.TRANSMIT_CHANNELS]).toEqual([...TRANSMIT_CHANNELS]);
  });

  it('explains every reason a marking is refused', () => {
    const samples = [
      '',
      '公开★10年',
      '机密10年',
      '机密*10年',
      '内部★10年',
      '机密★十年半月',
      '机密★0年',
      '秘密★24个月',
      '机密★1.5年',
      '秘密★15年',
      '机密★2027年2月30日',
    ];
    const reasons = new Set<string>(['date_not_after_issue']);
    for (const text of samples) {
      try {
        parseMarking(text);
      } catch (e) {
        if (e instanceof LedgerError && e.code === 'E_BAD_MARKING') reasons.add(String(e.details?.['reason']));
      }
    }
    expect(reasons.size).toBeGreaterThanOrEqual(11);
    for (const [lang, entries] of Object.entries(errorFlat)) {
      expect(
        [...reasons].filter((r) => typeof entries.get(`details.marking.${r}`) !== 'string'),
        lang,
      ).toEqual([]);
    }
  });
});

// The device registers speak the backend's vocabulary too.
describe('devices vocabulary', () => {
  it('names every level, network, medium type, status and history event', async () => {
    const devices = await import('../../db/ledger/devices/devices');
    const mine = await import('../../renderer/src/features/devices/devices');
    expect([...mine.DEVICE_LEVELS]).toEqual([...devices.DEVICE_LEVELS]);
    expect([...mine.DATA_LEVELS]).toEqual([...devices.DATA_LEVELS]);
    expect([...mine.NETWORKS]).toEqual([...devices.NETWORKS]);
    expect([...mine.MEDIUM_TYPES]).toEqual([...devices.MEDIUM_TYPES]);
    for (const [lang, entries] of Object.entries(flat)) {
      const missing = [
        ...mine.DEVICE_LEVELS.map((v) => `devices.levels.${v}`),
        ...mine.DATA_LEVELS.map((v) => `devices.dataLevels.${v}`),
        ...mine.NETWORKS.map((v) => `devices.networks.${v}`),
        ...mine.MEDIUM_TYPES.map((v) => `devices.types.${v}`),
        ...mine.COMPUTER_STATUSES.map((v) => `devices.status.${v}`),
        ...mine.DEVICE_EVENT_KINDS.map((v) => `devices.events.${v}`),
      ].filter((key) => typeof entries.get(key) !== 'string');
      expect(missing, lang).toEqual([]);
    }
  });
});
