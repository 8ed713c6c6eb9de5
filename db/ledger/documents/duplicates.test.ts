// One thing, one record (issue 13): the same 文号 and 份号 from the same 来文单位 are registered once, by hand as by
// import, whatever the spaces or the width of the characters (compared after trimming and Unicode NFKC).
import { describe, expect, it } from 'vitest';
import { makeLedger, ok, refused } from '../../testing';
import { receiveInput } from './fixture';

function ledger() {
  const t = makeLedger();
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  return { t, cab, receive: (over: Record<string, unknown> = {}) => ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, over)).id };
}

describe('文号 + 份号 from the same 来文单位', () => {
  it('is refused a second time by hand, with trailing spaces or in full width, naming the 文号 and the 份号', () => {
    const l = ledger();
    l.receive({ docNumber: '鲁保发〔2026〕12号', copies: 3 });
    for (const docNumber of ['鲁保发〔2026〕12号', '鲁保发〔2026〕12号  ', '  鲁保发〔２０２６〕１２号']) {
      expect(refused(l.t.service, 'documents.receive', receiveInput(l.cab, { docNumber, copies: 1 })), docNumber).toMatchObject({
        code: 'E_DUPLICATE',
        details: { field: 'docNumber', value: '鲁保发〔2026〕12号 0001' },
      });
    }
    // Overlapping 份号 only: 0003 is taken, 0004-0005 would be new.
    expect(
      refused(l.t.service, 'documents.receive', receiveInput(l.cab, { docNumber: '鲁保发〔2026〕12号', firstCopyNo: 3, copies: 3 })).details,
    ).toMatchObject({ value: '鲁保发〔2026〕12号 0003' });
    expect(refused(l.t.service, 'documents.receive', receiveInput(l.cab, { docNumber: '鲁保发〔2026〕12号', originUnit: ' 省国家保密局 ' })).code).toBe(
      'E_DUPLICATE',
    );
  });

  it('other 份号 of the same 文号, the same 文号 from another unit, and items without a 文号 are accepted', () => {
    const l = ledger();
    l.receive({ docNumber: '鲁保发〔2026〕12号', copies: 3 });
    l.receive({ docNumber: '鲁保发〔2026〕12号', firstCopyNo: 4, copies: 2 });
    l.receive({ docNumber: '鲁保发〔2026〕12号', originUnit: '市国家保密局' });
    l.receive({ docNumber: '' });
    l.receive({ docNumber: '' });
  });

  it('a produced document too', () => {
    const l = ledger();
    const produce = {
      ...receiveInput(l.cab, { docNumber: '办〔2026〕7号', originUnit: '本单位' }),
      producedBy: '李明',
      classifiedBy: '王处长',
      classificationBasis: '保密事项范围目录第3项',
    };
    delete (produce as Record<string, unknown>)['signedBy'];
    ok(l.t.service, 'documents.produce', produce);
    expect(refused(l.t.service, 'documents.produce', produce).code).toBe('E_DUPLICATE');
  });
});
