// Chinese sentences take full-width punctuation (：，（）): every zh-CN and zh-TW string of the interface and of the
// error catalogue is scanned for an ASCII colon, comma or parenthesis next to a Chinese character.
import { describe, expect, it } from 'vitest';
import zhCN from './locales/zh-CN';
import zhTW from './locales/zh-TW';
import { zhCN as errorsCN } from '../../../db/domain/errors/zh-CN';
import { zhTW as errorsTW } from '../../../db/domain/errors/zh-TW';

/** A Chinese character or full-width punctuation: what a Chinese sentence is made of. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const ASCII = /[:,()]/g;

/** Strings where an ASCII mark next to Chinese is right (none yet; say why for each one added). */
const ALLOWED = new Set<string>([]);

function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** The ASCII marks with Chinese on either side (spaces and interpolations like {{at}} skipped), in context. */
export function halfWidthMarks(text: string): string[] {
  // An interpolation is a value, not a neighbour: look past it as past a space.
  const plain = text.replace(/\{\{[^}]*\}\}/g, (m) => ' '.repeat(m.length));
  const found: string[] = [];
  for (const m of plain.matchAll(ASCII)) {
    const before = plain.slice(0, m.index).trimEnd().at(-1) ?? '';
    const after = plain.slice(m.index + 1).trimStart()[0] ?? '';
    if (CJK.test(before) || CJK.test(after)) found.push(text.slice(Math.max(0, m.index - 6), m.index + 7));
  }
  return found;
}

describe('full-width punctuation in Chinese', () => {
  it('finds an ASCII mark beside Chinese, not in a time, a code or an English phrase', () => {
    expect(halfWidthMarks('原因: 损坏')).toEqual(['原因: 损坏']);
    expect(halfWidthMarks('上次备份:{{at}}')).toHaveLength(1);
    expect(halfWidthMarks('（1–240 分钟）于 10:30，格式 {seq:4}，Ctrl+Enter 提交')).toEqual([]);
    expect(halfWidthMarks('Choose (a), b: c')).toEqual([]);
  });

  it.each([
    ['zh-CN interface', zhCN],
    ['zh-TW interface', zhTW],
    ['zh-CN error catalogue', errorsCN],
    ['zh-TW error catalogue', errorsTW],
  ])('%s', (_, texts) => {
    const wrong = strings(texts, '')
      .filter(([path]) => !ALLOWED.has(path))
      .flatMap(([path, text]) => halfWidthMarks(text).map((at) => `${path}: ${at}`));
    expect(wrong).toEqual([]);
  });
});
