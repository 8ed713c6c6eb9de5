import { describe, expect, it } from 'vitest';
import { compressCopyNos, storageLocation } from './copies';

describe('份号', () => {
  it('are written in ranges, with a comma on registers and with 、 in a Chinese sentence', () => {
    expect(compressCopyNos([5, 1, 2, 3])).toBe('0001-0003, 0005');
    expect(compressCopyNos([5, 1, 2, 3, 9], '、')).toBe('0001-0003、0005、0009');
    expect(compressCopyNos([7], '、')).toBe('0007');
  });
});

describe('a copy’s storage location', () => {
  it('is its cabinet while the unit keeps it (in the cabinet, on loan, missing since an inventory)', () => {
    for (const status of ['in_custody', 'on_loan', 'missing']) expect(storageLocation(status, '一号柜')).toBe('一号柜');
  });
  it('is none once it is destroyed, returned to the issuer, transmitted out, or its registration voided', () => {
    for (const status of ['destroyed', 'returned', 'transmitted', 'voided']) expect(storageLocation(status, '一号柜')).toBeNull();
  });
});
