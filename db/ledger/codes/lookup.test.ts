// codes.lookup through service.invoke on real ledgers: the codes the read results carry name their copy, device or
// cabinet; a mistyped code, another ledger's label and a code naming no row are each refused by their own error.
import { describe, expect, it } from 'vitest';
import { itemCode, ledgerCodePrefix } from '../../domain/item-codes';
import { readKeyFile } from '../../store/keyring';
import { ADMIN, addUser, login, makeLedger, ok, refused, withRaw, type SetUpLedger } from '../../testing';
import type { CodeLookupView, DocumentDetail, LocationView } from '../../views';
import { createApprover, onTheSpot } from '../approvals/fixture';
import { receiveInput } from '../documents/fixture';
import { computerInput, mediumInput, type ComputerDetail, type MediumDetail } from '../devices/fixture';

const CUSTODIAN = { username: 'liming', displayName: '李明', roles: ['custodian' as const], password: 'Custodian2026pass' };

function ledger() {
  const t = makeLedger();
  addUser(t, CUSTODIAN);
  login(t.service, CUSTODIAN.username, CUSTODIAN.password);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const doc = ok<DocumentDetail>(t.service, 'documents.receive', receiveInput(cab, { receivedAt: '2026-11-20' }));
  const prefix = ledgerCodePrefix(readKeyFile(t.keyPath).ledgerId);
  const lookup = (code: string) => ok<CodeLookupView>(t.service, 'codes.lookup', { code });
  return { t, cab, doc, prefix, lookup };
}

const refusal = (t: SetUpLedger, code: string) => refused(t.service, 'codes.lookup', { code });

describe('codes.lookup', () => {
  it('finds the copy a copy label names, with its 收文编号, 份号, level, place and holder', () => {
    const { t, cab, doc, prefix, lookup } = ledger();
    const [first, second] = doc.copyList;
    expect(first!.labelCode).toBe(itemCode(prefix, 'copy', first!.id));
    ok(t.service, 'documents.lend', { documentId: doc.id, copyNos: [2], borrower: { name: '王芳' }, dueAt: '2026-12-10', at: '2026-11-24' });
    expect(lookup(first!.labelCode)).toEqual({
      kind: 'copy',
      code: first!.labelCode,
      copy: {
        copyId: first!.id,
        documentId: doc.id,
        copyNo: 1,
        receiptNo: doc.receiptNo,
        level: 'secret',
        status: 'in_custody',
        locationId: cab,
        locationName: '一号保密柜',
        holder: null,
      },
    });
    expect(lookup(second!.labelCode).kind === 'copy' && lookup(second!.labelCode)).toMatchObject({ copy: { copyNo: 2, status: 'on_loan', holder: '王芳' } });
    // As a scanner or a hand types it: lower case, full-width, spaces.
    expect(lookup(` ${first!.labelCode.toLowerCase()} `)).toMatchObject({ code: first!.labelCode });
  });

  it('finds computers, media and cabinets by the codes their pages and the cabinet list show', () => {
    const { t, cab, lookup } = ledger();
    const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1)).id;
    const usb = ok<{ id: number }>(t.service, 'media.register', mediumInput(1)).id;
    const computer = ok<ComputerDetail & { labelCode: string }>(t.service, 'computers.get', { id: pc });
    const medium = ok<MediumDetail & { labelCode: string }>(t.service, 'media.get', { id: usb });
    expect(lookup(computer.labelCode)).toEqual({
      kind: 'computer',
      code: computer.labelCode,
      device: { id: pc, deviceCode: 'BM-JSJ-1', name: '办公计算机1', level: 'secret', status: 'in_use' },
    });
    expect(lookup(medium.labelCode)).toEqual({
      kind: 'medium',
      code: medium.labelCode,
      device: { id: usb, deviceCode: 'BM-U-1', name: '朗科 U208', level: 'secret', status: 'in_use' },
    });
    const cabinet = ok<LocationView[]>(t.service, 'locations.list').find((l) => l.id === cab)!;
    expect(lookup(cabinet.labelCode)).toEqual({
      kind: 'cabinet',
      code: cabinet.labelCode,
      cabinet: { id: cab, code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' },
    });
  });

  it('still finds a copy of a voided registration: its status says so', () => {
    const { t, doc, lookup } = ledger();
    const approver = createApprover(t);
    login(t.service, CUSTODIAN.username, CUSTODIAN.password);
    ok(t.service, 'documents.void', { documentId: doc.id, reason: '重复登记', approval: onTheSpot(approver.id, approver.password) });
    expect(lookup(doc.copyList[0]!.labelCode)).toMatchObject({ kind: 'copy', copy: { status: 'voided' } });
  });

  it('refuses a mistyped code, another ledger’s label and a code that names nothing, each by its own error', () => {
    const { t, doc, prefix } = ledger();
    const code = doc.copyList[0]!.labelCode;
    // One character changed: the check character catches it.
    const typo = code.slice(0, 6) + (code[6] === '0' ? '1' : '0') + code.slice(7);
    expect(refusal(t, typo)).toMatchObject({ code: 'E_CODE_INVALID', details: { reason: 'check', text: typo } });
    expect(refusal(t, '2026-0001')).toMatchObject({ code: 'E_CODE_INVALID', details: { reason: 'format', text: '2026-0001' } });
    const other = prefix === 'ZZ' ? 'ZY' : 'ZZ';
    expect(refusal(t, itemCode(other, 'copy', doc.copyList[0]!.id))).toMatchObject({
      code: 'E_CODE_FOREIGN',
      details: { code: itemCode(other, 'copy', doc.copyList[0]!.id) },
    });
    for (const kind of ['copy', 'computer', 'medium', 'cabinet'] as const)
      expect(refusal(t, itemCode(prefix, kind, 99_999))).toMatchObject({ code: 'E_CODE_UNKNOWN', details: { code: itemCode(prefix, kind, 99_999) } });
  });

  it('reads one row by its id: as fast among 100,000 copies as among three', () => {
    const { t, cab, doc, prefix, lookup } = ledger();
    // 100,000 more copies of the item, written straight into the ledger (registering them one by one would take long).
    withRaw(t, (db) =>
      db.exec(`WITH RECURSIVE n(i) AS (SELECT 4 UNION ALL SELECT i + 1 FROM n WHERE i < 100003)
               INSERT INTO copies (document_id, copy_no, status, location_id) SELECT ${doc.id}, i, 'in_custody', ${cab} FROM n`),
    );
    const last = withRaw(t, (db) => db.prepare('SELECT max(id) AS id FROM copies').get() as { id: number }).id;
    const code = itemCode(prefix, 'copy', last);
    const started = performance.now();
    for (let i = 0; i < 200; i += 1) expect(lookup(code).kind).toBe('copy');
    // 200 scans of the copies take over a second; 200 key reads some 30 ms (measured on the 2-core test machine).
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('is a read of the registers: an auditor may, an administrator alone may not', () => {
    const { t, doc } = ledger();
    login(t.service, ADMIN.username, ADMIN.password);
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    addUser(t, { username: 'admin2', roles: ['admin'], password: 'Admin2026pass2' });
    login(t.service, 'auditor1', 'Auditor2026pass');
    expect(ok<CodeLookupView>(t.service, 'codes.lookup', { code: doc.copyList[0]!.labelCode }).kind).toBe('copy');
    login(t.service, 'admin2', 'Admin2026pass2');
    expect(refused(t.service, 'codes.lookup', { code: doc.copyList[0]!.labelCode }).code).toBe('E_FORBIDDEN');
  });
});
