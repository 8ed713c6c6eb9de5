// People who have departed (离岗) are gone from the registers' future: they borrow nothing, sign for nothing,
// answer for no device and join no 知悉范围 again, and depart only once. Through service.invoke on a real ledger.
import { describe, expect, it } from 'vitest';
import { ok } from '../../testing';
import { receiveInput } from '../documents/fixture';
import { external } from '../approvals/fixture';
import { computerInput, devices, mediumInput, UNIT_HEAD } from './fixture';

const depart = { person: '钱新', handedTo: '李明', supervisor: '陈主任', at: '2026-11-20' };
const gone = (role: string) => ({ person: '钱新', departedAt: '2026-11-20', role });

describe('a departed person', () => {
  it('cannot borrow, sign for a receipt, be named in a scope, answer for or borrow a device (E_PERSON_DEPARTED with the role)', () => {
    const d = devices();
    const cab = d.write<{ id: number }>('locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const doc = d.write<{ id: number }>('documents.receive', receiveInput(cab)).id;
    const pc = d.computer();
    const medium = d.medium();
    d.write('people.depart', depart);

    expect(
      d.refuse('documents.lend', { documentId: doc, copyNos: [1], borrower: { name: '钱新', department: '办公室' }, dueAt: '2026-12-10' }, 'E_PERSON_DEPARTED')
        .details,
    ).toEqual(gone('borrower'));
    expect(d.refuse('documents.receive', receiveInput(cab, { signedBy: '钱新' }), 'E_PERSON_DEPARTED').details).toEqual(gone('signedBy'));
    expect(d.refuse('documents.receive', receiveInput(cab, { scope: ['办公室', ' 钱新 '] }), 'E_PERSON_DEPARTED').details).toEqual(gone('scope'));
    const decided = { approval: external('省国家保密局', '鲁保函〔2026〕9号') };
    expect(d.refuse('documents.changeMarking', { documentId: doc, scope: ['钱新'], ...decided }, 'E_PERSON_DEPARTED').details).toEqual(gone('scope'));
    expect(d.refuse('computers.register', computerInput(90, { responsible: '钱新' }), 'E_PERSON_DEPARTED').details).toEqual(gone('responsible'));
    expect(d.refuse('computers.change', { id: pc, change: { responsible: '钱新' } }, 'E_PERSON_DEPARTED').details).toEqual(gone('responsible'));
    expect(d.refuse('media.register', mediumInput(90, { responsible: '钱新' }), 'E_PERSON_DEPARTED').details).toEqual(gone('responsible'));
    expect(d.refuse('media.change', { id: medium, change: { responsible: '钱新' } }, 'E_PERSON_DEPARTED').details).toEqual(gone('responsible'));
    expect(d.refuse('media.lend', { id: medium, to: '钱新', computerId: pc, dueAt: '2026-12-01' }, 'E_PERSON_DEPARTED').details).toEqual(gone('borrower'));
    expect(d.refuse('documents.receive', receiveInput(cab, { signedBy: '钱新' }), 'E_PERSON_DEPARTED').message).toContain('钱新');

    // Everyone else goes on as before, and the departed stay in the history.
    d.write('documents.lend', { documentId: doc, copyNos: [1], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-12-10' });
    d.write('media.change', { id: medium, change: { responsible: '王芳' } });
  });

  it('departs once: a second departure, on any date, is refused (E_DUPLICATE field person)', () => {
    const d = devices();
    d.write('people.depart', depart);
    expect(d.refuse('people.depart', { ...depart, at: '2026-11-24' }, 'E_DUPLICATE').details).toEqual({ field: 'person', value: '钱新' });
  });

  it('is refused departure with each item still held named: 收文编号 and 份号, computer and medium numbers', () => {
    const d = devices();
    const cab = d.write<{ id: number }>('locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const doc = d.write<{ id: number; receiptNo: string }>('documents.receive', receiveInput(cab));
    d.write('documents.lend', {
      documentId: doc.id,
      copyNos: [1, 3],
      borrower: { name: '钱新' },
      dueAt: '2026-12-10',
      approval: UNIT_HEAD,
    });
    d.computer({ code: 'BM-JSJ-010', responsible: '钱新' });
    d.medium({ code: 'BM-U-020', responsible: '钱新' });
    const e = d.refuse('people.depart', depart, 'E_STILL_HOLDS');
    const receiptNo = ok<{ receiptNo: string }>(d.t.service, 'documents.get', { id: doc.id }).receiptNo;
    expect(e.details).toEqual({
      person: '钱新',
      documentCopies: 2,
      computers: 1,
      media: 1,
      items: {
        copies: [
          { receiptNo, copyNo: 1 },
          { receiptNo, copyNo: 3 },
        ],
        computers: ['BM-JSJ-010'],
        media: ['BM-U-020'],
      },
    });
    expect(e.message).toContain(receiptNo);
    expect(e.message).toContain('0003');
    expect(e.message).toContain('BM-JSJ-010');
    expect(e.message).toContain('BM-U-020');
  });
});
