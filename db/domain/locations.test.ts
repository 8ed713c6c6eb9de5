import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';
import { cabinetRefusal, type Cabinet } from './locations';

const secretCabinet: Cabinet = { code: 'A-01', maxLevel: 'secret', telegrams: false };
const telegramCabinet: Cabinet = { code: 'D-01', maxLevel: 'top_secret', telegrams: true };

describe('which cabinet may hold an item (the rule every placement and every cabinet picker reads)', () => {
  it('holds up to its highest level, not above', () => {
    expect(cabinetRefusal(secretCabinet, { level: 'secret', telegram: false })).toBeNull();
    expect(cabinetRefusal(secretCabinet, { level: 'internal' })).toBeNull();
    const refusal = cabinetRefusal(secretCabinet, { level: 'top_secret' });
    expect(refusal).toEqual({ code: 'E_LOCATION_LEVEL', details: { location: 'A-01', maxLevel: 'secret', level: 'top_secret' } });
    expect(errorMessage(refusal!, 'zh-CN')).toBe('保密柜 A-01 最高只能存放机密载体，不能存放绝密载体。');
  });

  it('keeps telegrams apart: only in a 电报专柜, which holds nothing else', () => {
    expect(cabinetRefusal(telegramCabinet, { level: 'top_secret', telegram: true })).toBeNull();
    expect(cabinetRefusal(secretCabinet, { telegram: true })).toEqual({ code: 'E_TELEGRAM', details: { rule: 'telegram_location', location: 'A-01' } });
    expect(cabinetRefusal(telegramCabinet, { telegram: false })).toEqual({ code: 'E_TELEGRAM', details: { rule: 'document_location', location: 'D-01' } });
  });

  it('checks only what is known of the item (a picker before the marking or the carrier is chosen)', () => {
    expect(cabinetRefusal(telegramCabinet, {})).toBeNull();
    expect(cabinetRefusal(secretCabinet, { level: null })).toBeNull();
  });
});
