// The formats and rules the documents screens pre-fill and hint with (the domain core's, shared with the backend),
// and the renderer's own marking hints.
import { describe, it, expect } from 'vitest';
import { compressCopyNos, formatNumber, inScope, levelFits } from '../../../../db/domain';
import { levelOfMarking, markingSuggestions } from './documents';

describe('份号 and 收文编号 as the backend writes them', () => {
  it('compresses copy numbers into runs of four digits', () => {
    expect(compressCopyNos([1, 2, 3, 5])).toBe('0001-0003, 0005');
    expect(compressCopyNos([7])).toBe('0007');
    expect(compressCopyNos([3, 1, 2, 2])).toBe('0001-0003');
    expect(compressCopyNos([])).toBe('');
  });

  it('formats the receipt number pattern', () => {
    expect(formatNumber('{year}-{seq:4}', 2026, 7)).toBe('2026-0007');
    expect(formatNumber('收{year}第{seq}号', 2026, 12)).toBe('收2026第12号');
    expect(formatNumber('{seq:3}/{year}', 2027, 1234)).toBe('1234/2027');
  });
});

describe('hints from what is typed', () => {
  it('reads the level a marking starts with, in either script', () => {
    expect(levelOfMarking('机密★10年')).toBe('secret');
    expect(levelOfMarking('絕密★長期')).toBe('top_secret');
    expect(levelOfMarking(' 秘 密★')).toBe('confidential');
    expect(levelOfMarking('内部')).toBe('internal');
    expect(levelOfMarking('公开')).toBeNull();
  });

  it('offers the ★ after a level, and the usual periods', () => {
    expect(markingSuggestions('')).toEqual(['绝密★', '机密★', '秘密★', '内部']);
    expect(markingSuggestions('机密')).toContain('机密★10年');
    expect(markingSuggestions('机密★1')).toEqual(['机密★10年']);
    expect(markingSuggestions('机密★10年')).toEqual([]);
    expect(markingSuggestions('絕密')[0]).toBe('絕密★');
  });

  it('orders levels as locations hold them', () => {
    expect(levelFits('secret', 'top_secret')).toBe(true);
    expect(levelFits('top_secret', 'secret')).toBe(false);
    expect(levelFits('internal', 'confidential')).toBe(true);
  });

  it('matches the need-to-know scope by name or department, exactly', () => {
    expect(inScope(['办公室', '张三'], { name: '李四', department: '办公室' })).toBe(true);
    expect(inScope(['办公室', '张三'], { name: '张三' })).toBe(true);
    expect(inScope(['办公室'], { name: '王二', department: '财务处' })).toBe(false);
    expect(inScope(['办公室'], { name: '王二', department: '' })).toBe(false);
  });
});
