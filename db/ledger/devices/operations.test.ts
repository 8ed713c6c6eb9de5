// Lifecycle of computers and media (repair, stop, enable, scrap, destroy, loans, the backup flag) and people's
// holdings and departures, through service.invoke on a real encrypted ledger. Every accepted command leaves exactly
// one ok audit entry; every refusal has its code, changes nothing in the device tables and leaves one refused entry.
import { describe, expect, it } from 'vitest';
import { ok, refused, withRaw } from '../../testing';
import type { DeviceEventView, MediumView } from '../../views';
import { devices, DISPOSAL as disposal, mediumInput, UNIT_HEAD } from './fixture';
import { receiveInput } from '../documents/fixture';

const CLASSIFIED: string[] = ['top_secret', 'secret', 'confidential'];
const loan = (id: number, computerId: number) => ({ id, to: '王芳', computerId, dueAt: '2026-12-01' });
const kinds = (history: DeviceEventView[]) => history.map((e) => e.kind);

describe('repair (维修)', () => {
  it('off-site repair of a classified computer needs its storage removed and a named escort (E_REPAIR_CONDITIONS details.missing)', () => {
    const d = devices();
    for (const level of CLASSIFIED) {
      const pc = d.computer({ level });
      const send = (over: Record<string, unknown>) => ({ id: pc, offSite: true, repairer: '联想售后服务站', reason: '主板故障', approval: UNIT_HEAD, ...over });
      expect(d.refuse('computers.repair', send({}), 'E_REPAIR_CONDITIONS').details).toEqual({ missing: ['storageRemoved', 'escort'] });
      expect(d.refuse('computers.repair', send({ storageRemoved: false, escort: '李明' }), 'E_REPAIR_CONDITIONS').details).toEqual({
        missing: ['storageRemoved'],
      });
      expect(d.refuse('computers.repair', send({ storageRemoved: true }), 'E_REPAIR_CONDITIONS').details).toEqual({ missing: ['escort'] });
      expect(d.refuse('computers.repair', send({ storageRemoved: true, escort: '   ' }), 'E_REPAIR_CONDITIONS').details).toEqual({ missing: ['escort'] });
      d.write('computers.repair', send({ storageRemoved: true, escort: '李明' }));
      const got = d.getComputer(pc);
      expect(got.status).toBe('repair');
      expect(got.history.at(-1)).toMatchObject({
        kind: 'repair',
        details: { before: { status: 'in_use' }, offSite: true, storageRemoved: true, escort: '李明', repairer: '联想售后服务站', reason: '主板故障' },
      });
    }
  });

  it('off-site repair of a classified computer needs the approver’s approval (E_APPROVAL_REQUIRED rule offsite_repair), shown in its history', () => {
    const d = devices();
    const pc = d.computer({ level: 'secret' });
    const send = { id: pc, offSite: true, storageRemoved: true, escort: '李明', repairer: '联想售后服务站', reason: '主板故障' };
    expect(d.refuse('computers.repair', send, 'E_APPROVAL_REQUIRED').details).toEqual({ rule: 'offsite_repair' });
    d.write('computers.repair', { ...send, approval: UNIT_HEAD });
    expect(d.getComputer(pc).history.at(-1)).toMatchObject({
      kind: 'repair',
      approvalId: 1,
      details: { approver: '陈主任', approval: { way: 'on_the_spot' } },
    });
  });

  it('in-house repair of a classified computer and off-site repair of a non-classified one need neither', () => {
    const d = devices();
    const classified = d.computer({ level: 'top_secret' });
    d.write('computers.repair', { id: classified, offSite: false, repairer: '本单位信息中心', reason: '系统重装' });
    expect(d.getComputer(classified).history.at(-1)?.details).toMatchObject({ offSite: false, storageRemoved: false, escort: null });
    const plain = d.computer({ level: 'non_secret', network: 'internet' });
    d.write('computers.repair', { id: plain, offSite: true, repairer: '联想售后服务站', reason: '屏幕损坏' });
    expect(d.getComputer(plain).status).toBe('repair');
  });

  it('back from repair only from repair; a computer already under repair, scrapped or destroyed is not sent again', () => {
    const d = devices();
    const pc = d.computer();
    const inHouse = { id: pc, offSite: false, repairer: '本单位信息中心', reason: '无法开机' };
    expect(d.refuse('computers.backFromRepair', { id: pc, checkedBy: '李明' }, 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ status: 'in_use' });
    d.write('computers.repair', inHouse);
    d.refuse('computers.repair', inHouse, 'E_DEVICE_NOT_IN_SERVICE');
    // Under repair it cannot be stopped, scrapped or destroyed either.
    d.refuse('computers.stop', { id: pc }, 'E_DEVICE_NOT_IN_SERVICE');
    d.refuse('computers.scrap', { id: pc, ...disposal }, 'E_DEVICE_NOT_IN_SERVICE');
    d.write('computers.backFromRepair', { id: pc, checkedBy: '李明', notes: '已检查，硬盘未更换' });
    expect(d.getComputer(pc)).toMatchObject({ status: 'in_use' });
    expect(d.getComputer(pc).history.at(-1)).toMatchObject({ kind: 'repair_back', details: { checkedBy: '李明', notes: '已检查，硬盘未更换' } });
    d.refuse('computers.backFromRepair', { id: pc, checkedBy: '李明' }, 'E_DEVICE_NOT_IN_SERVICE');
    d.write('computers.scrap', { id: pc, ...disposal });
    expect(d.refuse('computers.repair', inHouse, 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ status: 'scrapped' });
    expect(kinds(d.getComputer(pc).history)).toEqual(['enable', 'repair', 'repair_back', 'scrap']);
  });
});

describe('status: stop, enable, scrap, destroy', () => {
  for (const device of ['computers', 'media'] as const) {
    it(`${device}: only the allowed transitions; scrap and destroy need facility and approver; destroy only after scrap; history keeps before/after`, () => {
      const d = devices();
      const id = device === 'computers' ? d.computer() : d.medium();
      const get = () => (device === 'computers' ? d.getComputer(id) : d.getMedium(id));
      const cmd = (to: string) => `${device}.${to}`;
      expect(d.refuse(cmd('destroy'), { id, ...disposal }, 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ status: 'in_use', to: 'destroyed' });
      d.refuse(cmd('enable'), { id }, 'E_DEVICE_NOT_IN_SERVICE');
      d.write(cmd('stop'), { id, reason: '暂不使用' });
      expect(get().status).toBe('stopped');
      d.refuse(cmd('stop'), { id }, 'E_DEVICE_NOT_IN_SERVICE');
      d.refuse(cmd('destroy'), { id, ...disposal }, 'E_DEVICE_NOT_IN_SERVICE');
      d.write(cmd('enable'), { id });
      expect(get().status).toBe('in_use');
      d.write(cmd('stop'), { id });
      // Scrapping needs the facility and the approver.
      expect(d.refuse(cmd('scrap'), { id }, 'E_VALIDATION').details).toEqual({ field: 'facility' });
      expect(d.refuse(cmd('scrap'), { id, facility: disposal.facility }, 'E_APPROVAL_REQUIRED').details).toEqual({ rule: 'destroy' });
      expect(d.refuse(cmd('scrap'), { id, facility: '  ', approval: UNIT_HEAD }, 'E_VALIDATION').details).toEqual({ field: 'facility' });
      // A typed name is no approval.
      d.refuse(cmd('scrap'), { id, facility: disposal.facility, approver: '陈主任' }, 'E_VALIDATION');
      d.write(cmd('scrap'), { id, reason: '老化', ...disposal });
      expect(get().status).toBe('scrapped');
      for (const to of ['stop', 'enable', 'scrap']) d.refuse(cmd(to), { id, ...disposal }, 'E_DEVICE_NOT_IN_SERVICE');
      d.refuse(`${device}.change`, { id, change: { responsible: '王芳' } }, 'E_DEVICE_NOT_IN_SERVICE');
      expect(d.refuse(cmd('destroy'), { id, facility: disposal.facility }, 'E_APPROVAL_REQUIRED').details).toEqual({ rule: 'destroy' });
      d.refuse(cmd('destroy'), { id, approval: UNIT_HEAD }, 'E_VALIDATION');
      d.write(cmd('destroy'), { id, reason: '集中销毁', ...disposal });
      expect(get().status).toBe('destroyed');
      for (const to of ['stop', 'enable', 'scrap', 'destroy']) d.refuse(cmd(to), { id, ...disposal }, 'E_DEVICE_NOT_IN_SERVICE');

      const history = get().history;
      expect(kinds(history)).toEqual(['enable', 'stop', 'enable', 'stop', 'scrap', 'destroy']);
      expect(history.slice(1).map((e) => [(e.details.before as { status: string }).status, (e.details.after as { status: string }).status])).toEqual([
        ['in_use', 'stopped'],
        ['stopped', 'in_use'],
        ['in_use', 'stopped'],
        ['stopped', 'scrapped'],
        ['scrapped', 'destroyed'],
      ]);
      expect(history[1]?.details).toMatchObject({ reason: '暂不使用', facility: null, approver: null });
      const approved = { facility: disposal.facility, approver: '陈主任', approval: { way: 'on_the_spot' } };
      expect(history[4]?.details).toMatchObject({ reason: '老化', ...approved });
      expect(history[5]?.details).toMatchObject({ reason: '集中销毁', ...approved });
      expect(history.every((e) => e.recordedBy === '张伟')).toBe(true);
    });
  }

  it('an in-use device can be scrapped directly; a medium on loan cannot be stopped or scrapped until it comes back', () => {
    const d = devices();
    const pc = d.computer();
    d.write('computers.scrap', { id: pc, ...disposal });
    const other = d.computer();
    const m = d.medium();
    d.write('media.lend', loan(m, other));
    expect(d.refuse('media.scrap', { id: m, ...disposal }, 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ status: 'on_loan' });
    d.refuse('media.stop', { id: m }, 'E_DEVICE_NOT_IN_SERVICE');
    d.write('media.return', { id: m, dataCleared: true, checkedBy: '李明' });
    d.write('media.scrap', { id: m, ...disposal });
    expect(d.getMedium(m).status).toBe('scrapped');
  });

  it('computers.change and media.change keep before and after of exactly what changed; a change of nothing is refused', () => {
    const d = devices();
    const pc = d.computer();
    d.write('computers.change', { id: pc, change: { responsible: '王芳', location: '二楼机房', department: '办公室' }, at: '2026-11-20' });
    expect(d.getComputer(pc)).toMatchObject({ responsible: '王芳', location: '二楼机房', department: '办公室' });
    expect(d.getComputer(pc).history.at(-1)).toMatchObject({
      kind: 'change',
      at: '2026-11-20',
      details: { before: { responsible: '李明', location: '保密室' }, after: { responsible: '王芳', location: '二楼机房' } },
    });
    expect(d.refuse('computers.change', { id: pc, change: { responsible: '王芳' } }, 'E_VALIDATION').details).toEqual({ field: 'change' });
    d.refuse('computers.change', { id: pc, change: {} }, 'E_VALIDATION');
    d.refuse('computers.change', { id: pc, change: { level: 'top_secret' } }, 'E_VALIDATION');
    d.refuse('computers.change', { id: pc, change: { location: '三楼' }, at: '2099-01-01' }, 'E_VALIDATION');
    d.refuse('computers.change', { id: 999, change: { location: '三楼' } }, 'E_NO_SUCH_DEVICE');

    const m = d.medium();
    d.write('media.change', { id: m, change: { responsible: '王芳', usageScope: '仅限机要室' } });
    expect(d.getMedium(m).history.at(-1)?.details).toEqual({
      before: { level: 'secret', responsible: '李明', department: '办公室', usageScope: '办公室内部', backupApproved: false },
      after: { level: 'secret', responsible: '王芳', department: '办公室', usageScope: '仅限机要室', backupApproved: false },
    });
    d.refuse('media.change', { id: m, change: { responsible: '王芳' } }, 'E_VALIDATION');
    d.refuse('media.change', { id: 999, change: { responsible: '王芳' } }, 'E_NO_SUCH_DEVICE');
  });

  it('registration is the first history entry, with everything registered', () => {
    const d = devices();
    const pc = d.computer({ mac: '00-1A-2B-3C-4D-5E', osInstalledAt: '2025-12-30' });
    expect(d.getComputer(pc).history).toMatchObject([
      { kind: 'enable', at: '2026-01-05', details: { after: { code: 'BM-JSJ-1', serial: 'PC-SN-1', mac: '00-1A-2B-3C-4D-5E', level: 'secret' } } },
    ]);
    const m = d.medium();
    expect(d.getMedium(m).history).toMatchObject([
      { kind: 'enable', at: '2026-02-01', details: { after: { code: 'BM-U-2', serial: 'USB-SN-2', backupApproved: false } } },
    ]);
  });
});

describe('loans of media (借用)', () => {
  it('lend to whom, for which computer, until when; lending twice refused; return records dataCleared and checkedBy', () => {
    const d = devices();
    const pc = d.computer({ code: 'BM-JSJ-007' });
    const m = d.medium();
    d.write('media.lend', { ...loan(m, pc), at: '2026-11-20' });
    expect(d.getMedium(m)).toMatchObject({ holder: '王芳', loanComputer: 'BM-JSJ-007', dueAt: '2026-12-01', status: 'in_use' });
    expect(d.getMedium(m).history.at(-1)).toMatchObject({
      kind: 'lend',
      at: '2026-11-20',
      details: { to: '王芳', computer: 'BM-JSJ-007', dueAt: '2026-12-01' },
    });
    expect(d.refuse('media.lend', { ...loan(m, pc), to: '赵强' }, 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ status: 'on_loan' });
    expect(ok<{ rows: MediumView[] }>(d.t.service, 'media.list', { classified: true }).rows[0]).toMatchObject({ holder: '王芳', loanComputer: 'BM-JSJ-007' });

    d.write('media.return', { id: m, dataCleared: true, checkedBy: '李明' });
    expect(d.getMedium(m)).toMatchObject({ holder: null, loanComputer: null, dueAt: null });
    expect(d.getMedium(m).history.at(-1)).toMatchObject({ kind: 'return', details: { from: '王芳', dataCleared: true, checkedBy: '李明' } });
    d.refuse('media.return', { id: m, dataCleared: true, checkedBy: '李明' }, 'E_DEVICE_NOT_IN_SERVICE');

    // Lent again, and back without the data cleared: that is recorded as such.
    d.write('media.lend', { ...loan(m, pc), to: '赵强' });
    d.write('media.return', { id: m, dataCleared: false, checkedBy: '李明' });
    expect(d.getMedium(m).history.at(-1)?.details).toEqual({ from: '赵强', dataCleared: false, checkedBy: '李明' });
  });

  it('a loan needs a due date not before the loan, an existing computer and all its fields', () => {
    const d = devices();
    const pc = d.computer();
    const m = d.medium();
    expect(d.refuse('media.lend', { ...loan(m, pc), at: '2026-11-20', dueAt: '2026-11-19' }, 'E_VALIDATION').details).toEqual({ field: 'dueAt' });
    expect(d.refuse('media.lend', loan(m, 999), 'E_NO_SUCH_DEVICE').details).toEqual({ device: 'computer', id: 999 });
    d.refuse('media.lend', loan(999, pc), 'E_NO_SUCH_DEVICE');
    d.refuse('media.lend', { id: m, computerId: pc, dueAt: '2026-12-01' }, 'E_VALIDATION');
    d.refuse('media.lend', { ...loan(m, pc), dueAt: '12/01/2026' }, 'E_VALIDATION');
    d.refuse('media.return', { id: m, checkedBy: '李明' }, 'E_VALIDATION');
  });

  it('the level of a medium on loan cannot be raised above the computer it was lent for (cross-use on the loan)', () => {
    const d = devices();
    const mimiPc = d.computer({ level: 'confidential' });
    const m = d.medium({ level: 'confidential' });
    d.write('media.lend', loan(m, mimiPc));
    expect(d.refuse('media.change', { id: m, change: { level: 'secret' } }, 'E_CROSS_USE').details).toMatchObject({ rule: 'medium_above_computer' });
    const plainPc = d.computer({ level: 'non_secret' });
    const plain = d.medium({ level: 'non_secret' });
    d.write('media.lend', loan(plain, plainPc));
    expect(d.refuse('media.change', { id: plain, change: { level: 'confidential' } }, 'E_CROSS_USE').details).toMatchObject({
      rule: 'classified_medium_on_plain_computer',
    });
    // Other changes during the loan are fine; once back, the level may change.
    d.write('media.change', { id: m, change: { usageScope: '仅限机要室' } });
    d.write('media.return', { id: m, dataCleared: true, checkedBy: '李明' });
    d.write('media.change', { id: m, change: { level: 'secret' } });
    expect(d.getMedium(m).level).toBe('secret');
  });
});

describe('the backup flag', () => {
  it('is set and read back, and cleared when the medium is stopped or scrapped', () => {
    const d = devices();
    const m = d.medium({ level: 'top_secret', type: 'hdd', backupApproved: true });
    const plain = d.medium();
    expect(d.getMedium(m).backupApproved).toBe(true);
    expect(d.getMedium(plain).backupApproved).toBe(false);
    expect(ok<{ rows: MediumView[] }>(d.t.service, 'media.list', { classified: true }).rows.map((r) => [r.code, r.backupApproved])).toEqual([
      ['BM-U-1', true],
      ['BM-U-2', false],
    ]);
    d.write('media.change', { id: m, change: { backupApproved: false } });
    expect(d.getMedium(m).backupApproved).toBe(false);
    expect(d.getMedium(m).history.at(-1)?.details).toMatchObject({ before: { backupApproved: true }, after: { backupApproved: false } });
    d.write('media.change', { id: m, change: { backupApproved: true } });
    expect(d.getMedium(m).backupApproved).toBe(true);

    d.write('media.stop', { id: m });
    expect(d.getMedium(m).backupApproved).toBe(false);
    // A stopped medium cannot be approved for backups.
    d.refuse('media.change', { id: m, change: { backupApproved: true } }, 'E_DEVICE_NOT_IN_SERVICE');
    d.write('media.enable', { id: m });
    expect(d.getMedium(m).backupApproved).toBe(false);
    d.write('media.change', { id: m, change: { backupApproved: true } });
    d.write('media.scrap', { id: m, ...disposal });
    expect(d.getMedium(m)).toMatchObject({ status: 'scrapped', backupApproved: false });
    expect(withRaw(d.t, (db) => db.prepare('SELECT backup_approved FROM media WHERE id = ?').get(m))).toEqual({ backup_approved: 0 });
  });
});

describe('a non-classified medium is never a backup medium', () => {
  it('it cannot be registered or marked for backups (E_MEDIUM_NOT_APPROVED reason non-classified), nor used for one', () => {
    const d = devices();
    expect(d.refuse('media.register', mediumInput(90, { level: 'non_secret', type: 'hdd', backupApproved: true }), 'E_MEDIUM_NOT_APPROVED').details).toEqual({
      reason: 'non-classified',
      medium: 'BM-U-90',
    });
    const plain = d.medium({ level: 'non_secret', type: 'hdd' });
    expect(d.refuse('media.change', { id: plain, change: { backupApproved: true } }, 'E_MEDIUM_NOT_APPROVED').details).toEqual({
      reason: 'non-classified',
      medium: 'BM-U-1',
    });
    // Raised to a classified level in the same change, it may be marked.
    d.write('media.change', { id: plain, change: { level: 'confidential', backupApproved: true } });
    expect(d.getMedium(plain)).toMatchObject({ level: 'confidential', backupApproved: true });
    // One marked before this rule (an old ledger) is still refused when a backup asks for it.
    const old = d.medium({ level: 'non_secret', type: 'hdd' });
    withRaw(d.t, (db) => db.prepare('UPDATE media SET backup_approved = 1 WHERE id = ?').run(old));
    const e = refused(d.t.service, 'backup.run', { mediumId: 'BM-U-2', folder: '/nonexistent-backup-folder' });
    expect(e).toMatchObject({ code: 'E_MEDIUM_NOT_APPROVED', details: { reason: 'non-classified', medium: 'BM-U-2' } });
  });
});

describe('people: holdings and departure (离岗)', () => {
  it('holdings list copies on loan, computers and media answered for or borrowed; departure is refused until nothing is held', () => {
    const d = devices();
    const s = d.t.service;
    const cab = d.write<{ id: number }>('locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    const doc = d.write<{ id: number }>('documents.receive', receiveInput(cab, { copies: 2 })).id;
    d.write('documents.lend', { documentId: doc, copyNos: [2], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-12-10' });

    const pc = d.computer({ code: 'BM-JSJ-010', responsible: '王芳' });
    const gone = d.computer({ code: 'BM-JSJ-011', responsible: '王芳' });
    d.write('computers.scrap', { id: gone, ...disposal });
    const liPc = d.computer({ code: 'BM-JSJ-012' });
    const own = d.medium({ code: 'BM-U-020', responsible: '王芳' });
    const borrowed = d.medium({ code: 'BM-U-021' });
    d.write('media.lend', loan(borrowed, liPc));

    const holdings = ok(s, 'people.holdings', { person: '王芳' });
    expect(holdings).toEqual({
      documentCopies: [
        { documentId: doc, receiptNo: expect.any(String), title: '关于开展年度保密自查自评工作的通知', marking: '机密★10年', copyNo: 2, dueAt: '2026-12-10' },
      ],
      computers: [{ id: pc, code: 'BM-JSJ-010', name: expect.any(String), level: 'secret' }],
      media: [
        { id: own, code: 'BM-U-020', level: 'secret', relation: 'responsible' },
        { id: borrowed, code: 'BM-U-021', level: 'secret', relation: 'on_loan' },
      ],
    });
    expect(ok(s, 'people.holdings', { person: '李明' })).toMatchObject({
      documentCopies: [],
      computers: [{ code: 'BM-JSJ-012' }],
      media: [{ code: 'BM-U-021', relation: 'responsible' }],
    });
    expect(ok(s, 'people.holdings', { person: '无名氏' })).toEqual({ documentCopies: [], computers: [], media: [] });

    const depart = { person: '王芳', handedTo: '李明', supervisor: '陈主任' };
    const stillHolds = (counts: Record<string, number>) =>
      expect(d.refuse('people.depart', depart, 'E_STILL_HOLDS').details).toMatchObject({ person: '王芳', ...counts });
    stillHolds({ documentCopies: 1, computers: 1, media: 2 });
    d.write('documents.returnLoan', { documentId: doc, copyNos: [2], receivedBy: '李明' });
    stillHolds({ documentCopies: 0, computers: 1, media: 2 });
    d.write('computers.change', { id: pc, change: { responsible: '李明' } });
    stillHolds({ documentCopies: 0, computers: 0, media: 2 });
    d.write('media.change', { id: own, change: { responsible: '李明' } });
    stillHolds({ documentCopies: 0, computers: 0, media: 1 });
    d.write('media.return', { id: borrowed, dataCleared: true, checkedBy: '李明' });
    expect(ok(s, 'people.holdings', { person: '王芳' })).toEqual({ documentCopies: [], computers: [], media: [] });
    d.write('people.depart', { ...depart, at: '2026-11-25' });
    expect(withRaw(d.t, (db) => db.prepare('SELECT person, at, handed_to, supervisor, recorded_by FROM departures').all())).toEqual([
      { person: '王芳', at: '2026-11-25', handed_to: '李明', supervisor: '陈主任', recorded_by: 'zhangwei' },
    ]);
    d.refuse('people.depart', { ...depart, at: '2026-11-25' }, 'E_DUPLICATE');
    d.refuse('people.depart', { person: '王芳', handedTo: '李明' }, 'E_VALIDATION');
  });
});
