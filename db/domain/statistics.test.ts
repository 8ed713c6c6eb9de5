// 统计's words: a figure's group values (carrier, device register, medium level, the rule that refused) and its
// months, in the three languages, never a code.
import { describe, expect, it } from 'vitest';
import { monthsOf, sayMonth, statisticGroupText } from './statistics';

describe('statistics words', () => {
  it('says a group value in words', () => {
    expect(statisticGroupText('received', 'telegram', 'zh-CN')).toBe('密码电报');
    expect(statisticGroupText('devicesRepaired', 'medium', 'zh-TW')).toBe('存儲介質');
    expect(statisticGroupText('mediaUsage', 'secret', 'en')).toBe('Secret');
    expect(statisticGroupText('refusals', 'E_CROSS_USE/medium_above_computer', 'zh-CN')).toMatch(/^禁止交叉使用/);
  });

  it('lists the months the dates touch and says them with the year when asked', () => {
    expect(monthsOf('2025-12-20', '2026-02-01')).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect([sayMonth('2026-03', 'zh-CN', false), sayMonth('2026-03', 'zh-TW', true), sayMonth('2026-03', 'en', true)]).toEqual([
      '3月',
      '2026年3月',
      'Mar 2026',
    ]);
  });
});
