// The four device registers (涉密 / 非涉密 计算机 and 移动存储介质) and the media usage log (介质使用登记), read
// through service.invoke: the classified split, search, filters, paging and what each row shows.
import { describe, expect, it } from 'vitest';
import { makeLedger, ok } from '../../testing';
import type { ComputerView, MediaUsageView, MediumView } from '../../views';
import { createApprover } from '../approvals/fixture';
import { computerInput, DISPOSAL as disposal, mediumInput } from './fixture';

type Page<T> = { total: number; rows: T[] };

function registers() {
  const t = makeLedger();
  createApprover(t, '陈主任');
  const s = t.service;
  const pc = (n: number, over: Record<string, unknown> = {}) => ok<{ id: number }>(s, 'computers.register', computerInput(n, over)).id;
  const medium = (n: number, over: Record<string, unknown> = {}) => ok<{ id: number }>(s, 'media.register', mediumInput(n, over)).id;
  const computers = (q: Record<string, unknown>) => ok<Page<ComputerView>>(s, 'computers.list', q);
  const media = (q: Record<string, unknown>) => ok<Page<MediumView>>(s, 'media.list', q);
  const codes = (p: Page<{ code: string }>) => p.rows.map((r) => r.code);
  return { t, s, pc, medium, computers, media, codes };
}

describe('the computer registers (涉密 / 非涉密计算机登记备案表)', () => {
  it('classified: true lists every classified level and no 非涉密; false the reverse', () => {
    const r = registers();
    r.pc(1, { level: 'top_secret' });
    r.pc(2, { level: 'secret' });
    r.pc(3, { level: 'confidential' });
    r.pc(4, { level: 'non_secret', network: 'internet' });
    r.pc(5, { level: 'non_secret', network: 'egov_extranet' });
    expect(r.computers({ classified: true })).toMatchObject({
      total: 3,
      rows: [{ code: 'BM-JSJ-1', level: 'top_secret' }, { code: 'BM-JSJ-2' }, { code: 'BM-JSJ-3' }],
    });
    expect(r.codes(r.computers({ classified: false }))).toEqual(['BM-JSJ-4', 'BM-JSJ-5']);
  });

  it('a row shows every registered field', () => {
    const r = registers();
    const id = r.pc(1, { mac: '00-1A-2B-3C-4D-5E', osInstalledAt: '2025-12-30', remarks: '主机加封' });
    expect(r.computers({ classified: true }).rows).toEqual([
      {
        id,
        code: 'BM-JSJ-1',
        name: '办公计算机1',
        model: '联想 启天 M720',
        serial: 'PC-SN-1',
        diskSerial: 'WD-DISK-1',
        mac: '00-1A-2B-3C-4D-5E',
        os: 'Windows 10 专业版',
        osInstalledAt: '2025-12-30',
        level: 'secret',
        network: 'standalone',
        purpose: '涉密文字处理',
        department: '办公室',
        responsible: '李明',
        location: '保密室',
        enabledAt: '2026-01-05',
        status: 'in_use',
        remarks: '主机加封',
        monitoring: null,
        threeInOne: null,
        securityProducts: [],
      },
    ]);
  });

  it('search over code, name, model, serial, disk serial, responsible, department and location; wildcards are literal', () => {
    const r = registers();
    r.pc(1, { name: '机要室主机', responsible: '王芳', location: '机要室', department: '机要科', model: 'Dell OptiPlex 7090' });
    r.pc(2, { serial: 'ABC%123', diskSerial: 'SEAGATE-77' });
    r.pc(3, { code: 'BM_JSJ_9' });
    const q = (query: string) => r.codes(r.computers({ classified: true, query }));
    expect(q('机要室主机')).toEqual(['BM-JSJ-1']);
    expect(q('王芳')).toEqual(['BM-JSJ-1']);
    expect(q('机要科')).toEqual(['BM-JSJ-1']);
    expect(q('optiplex')).toEqual(['BM-JSJ-1']);
    expect(q('seagate')).toEqual(['BM-JSJ-2']);
    expect(q('c%1')).toEqual(['BM-JSJ-2']);
    expect(q('%')).toEqual(['BM-JSJ-2']);
    expect(q('_')).toEqual(['BM_JSJ_9']);
    expect(q('PC-SN-3')).toEqual(['BM_JSJ_9']);
    expect(q('  ')).toEqual(['BM-JSJ-1', 'BM-JSJ-2', 'BM_JSJ_9']);
    expect(q('无此项')).toEqual([]);
    // The search stays within the register asked for.
    expect(r.codes(r.computers({ classified: false, query: '王芳' }))).toEqual([]);
  });

  it('status and responsible filters, and paging with the total', () => {
    const r = registers();
    const ids = [1, 2, 3, 4, 5].map((n) => r.pc(n, { responsible: n % 2 ? '李明' : '王芳' }));
    ok(r.s, 'computers.stop', { id: ids[1] });
    ok(r.s, 'computers.repair', { id: ids[2], offSite: false, repairer: '信息中心', reason: '蓝屏' });
    ok(r.s, 'computers.scrap', { id: ids[3], ...disposal });
    ok(r.s, 'computers.scrap', { id: ids[4], ...disposal });
    ok(r.s, 'computers.destroy', { id: ids[4], ...disposal });
    const st = (status: string) => r.codes(r.computers({ classified: true, status }));
    expect(st('in_use')).toEqual(['BM-JSJ-1']);
    expect(st('stopped')).toEqual(['BM-JSJ-2']);
    expect(st('repair')).toEqual(['BM-JSJ-3']);
    expect(st('scrapped')).toEqual(['BM-JSJ-4']);
    expect(st('destroyed')).toEqual(['BM-JSJ-5']);
    expect(r.codes(r.computers({ classified: true, responsible: '王芳' }))).toEqual(['BM-JSJ-2', 'BM-JSJ-4']);
    expect(r.codes(r.computers({ classified: true, responsible: '王芳', status: 'stopped' }))).toEqual(['BM-JSJ-2']);
    expect(r.computers({ classified: true, limit: 2, offset: 2 })).toMatchObject({ total: 5, rows: [{ code: 'BM-JSJ-3' }, { code: 'BM-JSJ-4' }] });
    expect(r.computers({ classified: true, limit: 2, offset: 4, status: 'in_use' })).toMatchObject({ total: 1, rows: [] });
  });
});

describe('the media registers (涉密 / 非涉密移动存储介质登记备案表)', () => {
  it('the classified split, the row fields, search (also by holder), status and responsible filters', () => {
    const r = registers();
    r.pc(1);
    const a = r.medium(1, { level: 'top_secret', type: 'hdd', backupApproved: true, remarks: '备份专用' });
    r.medium(2, { level: 'confidential', responsible: '王芳', model: 'Kingston DT50' });
    r.medium(3, { level: 'non_secret' });
    const stopped = r.medium(4, { level: 'non_secret', type: 'disc', usageScope: '对外交流' });
    ok(r.s, 'media.stop', { id: stopped });
    ok(r.s, 'media.lend', { id: a, to: '赵强', computerId: r.pc(2, { level: 'top_secret' }), dueAt: '2026-12-31' });

    expect(r.codes(r.media({ classified: true }))).toEqual(['BM-U-1', 'BM-U-2']);
    expect(r.codes(r.media({ classified: false }))).toEqual(['BM-U-3', 'BM-U-4']);
    expect(r.media({ classified: true }).rows[0]).toEqual({
      id: a,
      code: 'BM-U-1',
      type: 'hdd',
      model: '朗科 U208',
      serial: 'USB-SN-1',
      capacity: '32GB',
      level: 'top_secret',
      everClassified: true,
      responsible: '李明',
      department: '办公室',
      usageScope: '办公室内部',
      enabledAt: '2026-02-01',
      status: 'in_use',
      backupApproved: true,
      holder: '赵强',
      loanComputer: 'BM-JSJ-2',
      dueAt: '2026-12-31',
      remarks: '备份专用',
    });
    const q = (classified: boolean, query: string) => r.codes(r.media({ classified, query }));
    expect(q(true, '赵强')).toEqual(['BM-U-1']);
    expect(q(true, 'kingston')).toEqual(['BM-U-2']);
    expect(q(true, '王芳')).toEqual(['BM-U-2']);
    expect(q(true, 'usb-sn-2')).toEqual(['BM-U-2']);
    expect(q(false, 'BM-U')).toEqual(['BM-U-3', 'BM-U-4']);
    expect(q(false, '%')).toEqual([]);
    expect(r.codes(r.media({ classified: false, status: 'stopped' }))).toEqual(['BM-U-4']);
    expect(r.codes(r.media({ classified: false, status: 'in_use' }))).toEqual(['BM-U-3']);
    expect(r.codes(r.media({ classified: true, responsible: '王芳' }))).toEqual(['BM-U-2']);
    expect(r.media({ classified: true, limit: 1, offset: 1 })).toMatchObject({ total: 2, rows: [{ code: 'BM-U-2' }] });
    // The media register has no 'repair' status.
    expect(r.s.invoke('media.list', { classified: true, status: 'repair' })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(r.s.invoke('computers.list', {})).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
  });
});

describe('the media usage log (介质使用登记)', () => {
  it('every entry with date-time, medium, computer, user, purpose and data level; filters by medium, by computer, both; newest first', () => {
    const r = registers();
    const pcA = r.pc(1, { level: 'top_secret' });
    const pcB = r.pc(2, { level: 'secret' });
    const m1 = r.medium(1, { level: 'secret' });
    const m2 = r.medium(2, { level: 'confidential' });
    const log = (mediumId: number, computerId: number, at: string, dataLevel: string, user = '王芳') =>
      ok<{ id: number }>(r.s, 'media.logUsage', { mediumId, computerId, user, purpose: '拷贝文稿', dataLevel, at }).id;
    const e1 = log(m1, pcA, '2026-11-20T09:00:00+08:00', 'secret');
    const e2 = log(m1, pcB, '2026-11-21T09:00:00+08:00', 'confidential', '赵强');
    const e3 = log(m2, pcA, '2026-11-22T09:00:00+08:00', 'internal');
    const e4 = log(m2, pcB, '2026-11-23T09:00:00+08:00', 'non_secret');
    const ids = (q: Record<string, unknown>) => ok<Page<MediaUsageView>>(r.s, 'media.usageLog', q).rows.map((row) => row.id);
    expect(ids({})).toEqual([e4, e3, e2, e1]);
    expect(ids({ mediumId: m1 })).toEqual([e2, e1]);
    expect(ids({ computerId: pcA })).toEqual([e3, e1]);
    expect(ids({ mediumId: m2, computerId: pcB })).toEqual([e4]);
    expect(ids({ mediumId: m1, computerId: 999 })).toEqual([]);
    expect(ok<Page<MediaUsageView>>(r.s, 'media.usageLog', { limit: 1, offset: 1 })).toMatchObject({ total: 4, rows: [{ id: e3 }] });
    expect(ok<Page<MediaUsageView>>(r.s, 'media.usageLog', { mediumId: m1 }).rows[0]).toEqual({
      id: e2,
      at: '2026-11-21T09:00:00+08:00',
      medium: 'BM-U-1',
      mediumLevel: 'secret',
      computer: 'BM-JSJ-2',
      computerLevel: 'secret',
      user: '赵强',
      purpose: '拷贝文稿',
      dataLevel: 'confidential',
      recordedBy: '张伟', // the display name of the account zhangwei
    });
    // media.get carries the same entries for the one medium.
    expect(ok<{ usage: MediaUsageView[] }>(r.s, 'media.get', { id: m2 }).usage.map((u) => u.id)).toEqual([e4, e3]);
  });

  it('an entry without a time is stamped now; one dated in the future is refused', () => {
    const r = registers();
    const pc = r.pc(1);
    const m = r.medium(1);
    ok(r.s, 'media.logUsage', { mediumId: m, computerId: pc, user: '王芳', purpose: '拷贝', dataLevel: 'secret' });
    expect(ok<Page<MediaUsageView>>(r.s, 'media.usageLog', {}).rows[0]?.at).toBe(new Date(r.t.clock.now).toISOString());
    expect(r.s.invoke('media.logUsage', { mediumId: m, computerId: pc, user: '王芳', purpose: '拷贝', dataLevel: 'secret', at: '2026-11-27' })).toMatchObject({
      ok: false,
      error: { code: 'E_VALIDATION', details: { field: 'at' } },
    });
  });
});
