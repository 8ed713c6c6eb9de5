// The device commands as the service runs them: who may write and read, one audit entry per accepted command,
// and a refusal that changes nothing but one refused audit entry.
import { describe, expect, it } from 'vitest';
import { deviceCommands } from './commands';
import { ADMIN, addUser, auditRows, dataSnapshot, login, makeLedger, ok, refused, withRaw, type SetUpLedger } from '../../testing';
import type { Role } from '../../views';
import { redact } from '../../service';
import { createApprover } from '../approvals/fixture';
import { DISPOSAL as disposal, UNIT_HEAD } from './fixture';

const entries = Object.entries(deviceCommands);
const WRITERS = entries.filter(([, c]) => c.mutates).map(([n]) => n);
const READERS = entries.filter(([, c]) => !c.mutates).map(([n]) => n);
const DEVICE_TABLES = ['computers', 'media', 'device_events', 'media_usage', 'departures', 'computer_checks'];

const computerInput = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: '办公计算机',
  model: '联想 启天 M720',
  serial: `SN-${code}`,
  os: 'Windows 10 专业版',
  level: 'secret',
  network: 'standalone',
  purpose: '涉密文字处理',
  department: '办公室',
  responsible: '李明',
  location: '保密室',
  enabledAt: '2026-01-05',
  ...over,
});
const mediumInput = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  type: 'usb',
  model: '朗科 U208',
  serial: `SN-${code}`,
  capacity: '32GB',
  level: 'secret',
  responsible: '李明',
  department: '办公室',
  usageScope: '办公室内部',
  enabledAt: '2026-02-01',
  ...over,
});

const USERS: { username: string; roles: Role[]; password: string }[] = [
  { username: 'approver1', roles: ['approver'], password: 'Approver2026pass' },
  { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' },
  { username: 'admin2', roles: ['admin'], password: 'Admin2nd2026pass' },
];

/** A ledger with the other users, one computer (id 1) and one medium (id 1) in service. */
function ledger(): SetUpLedger {
  const t = makeLedger();
  for (const u of USERS) addUser(t, u);
  ok(t.service, 'computers.register', computerInput('BM-JSJ-001'));
  ok(t.service, 'media.register', mediumInput('BM-U-001'));
  return t;
}

/** Valid input for every writing command against ledger(): a refusal can only come from the role check. */
const SAMPLE: Record<string, unknown> = {
  'computers.register': computerInput('BM-JSJ-002'),
  'computers.change': { id: 1, change: { location: '二楼机房' } },
  'computers.repair': { id: 1, offSite: false, repairer: '信息中心', reason: '蓝屏' },
  'computers.backFromRepair': { id: 1, checkedBy: '李明' },
  'computers.stop': { id: 1 },
  'computers.enable': { id: 1 },
  'computers.scrap': { id: 1, ...disposal },
  'computers.destroy': { id: 1, ...disposal },
  'computers.check': { computerId: 1, kind: 'antivirus', checker: '王芳', result: 'normal' },
  'media.register': mediumInput('BM-U-002'),
  'media.change': { id: 1, change: { usageScope: '仅限机要室' } },
  'media.lend': { id: 1, to: '王芳', computerId: 1, dueAt: '2026-12-01' },
  'media.return': { id: 1, dataCleared: true, checkedBy: '李明' },
  'media.logUsage': { mediumId: 1, computerId: 1, user: '王芳', purpose: '拷贝', dataLevel: 'secret' },
  'media.stop': { id: 1 },
  'media.enable': { id: 1 },
  'media.scrap': { id: 1, ...disposal },
  'media.destroy': { id: 1, ...disposal },
  'people.depart': { person: '王芳', handedTo: '李明', supervisor: '陈主任' },
};
const READ_SAMPLE: Record<string, unknown> = {
  'computers.list': { classified: true },
  'computers.get': { id: 1 },
  'computers.checks': {},
  'media.list': { classified: true },
  'media.get': { id: 1 },
  'media.usageLog': {},
  'people.holdings': { person: '李明' },
};

describe('the device command table', () => {
  it('only the custodian writes; custodian, approver and auditor read; every command has a sample here', () => {
    expect(WRITERS.sort()).toEqual(Object.keys(SAMPLE).sort());
    expect(READERS.sort()).toEqual(Object.keys(READ_SAMPLE).sort());
    for (const [name, c] of entries) {
      expect({ name, access: c.access, roles: c.roles }).toEqual({
        name,
        access: 'signed-in',
        roles: c.mutates ? ['custodian'] : ['custodian', 'approver', 'auditor'],
      });
    }
  });
});

describe('roles', () => {
  it('approver, auditor and a pure administrator cannot run any writing device command: E_FORBIDDEN, nothing changed, one refused entry', () => {
    const t = ledger();
    for (const u of USERS) {
      login(t.service, u.username, u.password);
      for (const name of WRITERS) {
        const data = dataSnapshot(t);
        const audit = auditRows(t);
        const error = refused(t.service, name, SAMPLE[name]);
        expect({ user: u.username, name, error }).toMatchObject({
          user: u.username,
          name,
          error: { code: 'E_FORBIDDEN', details: { command: name, needs: ['custodian'] } },
        });
        expect(dataSnapshot(t)).toEqual(data);
        const after = auditRows(t);
        expect(after.slice(0, audit.length)).toEqual(audit);
        // The target is the device's 编号 when the input names one (db/ledger/audit/commands.test.ts).
        expect(after.slice(audit.length)).toMatchObject([{ actor: u.username, action: name, outcome: 'refused', error_code: 'E_FORBIDDEN' }]);
      }
    }
    // The same inputs are accepted from the custodian (in this order each one is valid).
    login(t.service, ADMIN.username, ADMIN.password);
    for (const name of [
      'computers.register',
      'computers.change',
      'media.register',
      'media.change',
      'media.logUsage',
      'media.lend',
      'media.return',
      'computers.repair',
      'computers.backFromRepair',
    ]) {
      ok(t.service, name, SAMPLE[name]);
    }
  });

  it('approver and auditor can read every register, detail, the usage log and holdings, and reading writes nothing', () => {
    const t = ledger();
    ok(t.service, 'media.logUsage', SAMPLE['media.logUsage']);
    const asCustodian = Object.fromEntries(READERS.map((name) => [name, ok(t.service, name, READ_SAMPLE[name])]));
    expect(asCustodian['computers.list']).toMatchObject({ total: 1 });
    expect(asCustodian['media.usageLog']).toMatchObject({ total: 1 });
    for (const u of USERS.slice(0, 2)) {
      login(t.service, u.username, u.password);
      const data = dataSnapshot(t);
      const audit = auditRows(t).length;
      for (const name of READERS) expect({ name, value: ok(t.service, name, READ_SAMPLE[name]) }).toEqual({ name, value: asCustodian[name] });
      expect(dataSnapshot(t)).toEqual(data);
      expect(auditRows(t).length).toBe(audit);
    }
    // The pure administrator reads no ledger.
    login(t.service, 'admin2', 'Admin2nd2026pass');
    for (const name of READERS) expect(refused(t.service, name, READ_SAMPLE[name]).code).toBe('E_FORBIDDEN');
  });
});

describe('audit', () => {
  it('every accepted writing command adds exactly one ok audit entry naming its device (or person) and its input', () => {
    const t = makeLedger();
    createApprover(t, '陈主任');
    const seen = new Set<string>();
    const write = <T = null>(name: string, input: Record<string, unknown>, target: string, summary?: Record<string, unknown>): T => {
      const before = auditRows(t);
      const out = ok<T>(t.service, name, input);
      const after = auditRows(t);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length)).toMatchObject([
        { actor: 'zhangwei', kind: name.split('.')[0], action: name, target, outcome: 'ok', error_code: null },
      ]);
      // The input as given, an approver's password typed on the spot redacted (or the command's own summary).
      expect(JSON.parse(after.at(-1)!.summary)).toMatchObject(summary ?? { input: redact(input) });
      seen.add(name);
      return out;
    };
    const pc = write<{ id: number }>('computers.register', computerInput('BM-JSJ-001'), 'BM-JSJ-001').id;
    const pc2 = write<{ id: number }>('computers.register', computerInput('BM-JSJ-002'), 'BM-JSJ-002').id;
    const m = write<{ id: number }>('media.register', mediumInput('BM-U-001'), 'BM-U-001').id;
    write('computers.change', { id: pc, change: { responsible: '王芳' } }, 'BM-JSJ-001');
    write(
      'computers.repair',
      { id: pc, offSite: true, storageRemoved: true, escort: '李明', repairer: '售后', reason: '主板', approval: UNIT_HEAD },
      'BM-JSJ-001',
    );
    write('computers.backFromRepair', { id: pc, checkedBy: '李明', notes: '' }, 'BM-JSJ-001');
    // A check's kind and result under names of their own: the audit log says them as a check's, not an approval's or a scan's.
    write('computers.check', { computerId: pc, kind: 'outbound', checker: '王芳', result: 'problems', problems: '告警一次' }, 'BM-JSJ-001', {
      checkKind: 'outbound',
      checker: '王芳',
      checkResult: 'problems',
      problems: '告警一次',
    });
    write('media.change', { id: m, change: { backupApproved: true } }, 'BM-U-001');
    expect(write<{ id: number }>('media.logUsage', { mediumId: m, computerId: pc, user: '王芳', purpose: '拷贝', dataLevel: 'secret' }, 'BM-U-001').id).toBe(1);
    write('media.lend', { id: m, to: '王芳', computerId: pc, dueAt: '2026-12-01' }, 'BM-U-001');
    write('media.return', { id: m, dataCleared: true, checkedBy: '李明' }, 'BM-U-001');
    for (const [kind, id, code] of [
      ['computers', pc2, 'BM-JSJ-002'],
      ['media', m, 'BM-U-001'],
    ] as const) {
      write(`${kind}.stop`, { id }, code);
      write(`${kind}.enable`, { id }, code);
      write(`${kind}.scrap`, { id, ...disposal }, code);
      write(`${kind}.destroy`, { id, ...disposal }, code);
    }
    write('computers.change', { id: pc, change: { responsible: '李明' } }, 'BM-JSJ-001');
    write('people.depart', { person: '王芳', handedTo: '李明', supervisor: '陈主任' }, '王芳');
    expect([...seen].sort()).toEqual([...WRITERS].sort());
  });

  it('a refusal of each writing command by its rule changes no table and adds one refused entry with the reason', () => {
    const t = makeLedger();
    ok(t.service, 'computers.register', computerInput('BM-JSJ-001', { level: 'secret' }));
    ok(t.service, 'computers.register', computerInput('BM-JSJ-002', { level: 'non_secret' }));
    ok(t.service, 'media.register', mediumInput('BM-U-001', { level: 'top_secret' }));
    ok(t.service, 'media.register', mediumInput('BM-U-002', { level: 'secret', responsible: '王芳' }));
    const REFUSALS: [string, unknown, string][] = [
      ['computers.register', computerInput('BM-JSJ-003', { network: 'internet' }), 'E_NETWORK_FORBIDDEN'],
      ['computers.register', computerInput('bm-jsj-001'), 'E_DUPLICATE'],
      ['computers.register', computerInput('BM-JSJ-003', { mac: '00:1A' }), 'E_VALIDATION'],
      ['computers.change', { id: 1, change: { network: 'egov_extranet' } }, 'E_NETWORK_FORBIDDEN'],
      ['computers.repair', { id: 1, offSite: true, repairer: '售后', reason: '主板' }, 'E_REPAIR_CONDITIONS'],
      ['computers.backFromRepair', { id: 1, checkedBy: '李明' }, 'E_DEVICE_NOT_IN_SERVICE'],
      ['computers.stop', { id: 9 }, 'E_NO_SUCH_DEVICE'],
      ['computers.enable', { id: 1 }, 'E_DEVICE_NOT_IN_SERVICE'],
      ['computers.scrap', { id: 1, reason: '老化' }, 'E_VALIDATION'],
      ['computers.destroy', { id: 1, ...disposal }, 'E_DEVICE_NOT_IN_SERVICE'],
      ['computers.check', { computerId: 1, kind: 'antivirus', checker: '王芳', result: 'problems' }, 'E_CHECK_PROBLEMS_REQUIRED'],
      ['media.register', mediumInput('BM-U-003', { serial: 'sn-bm-u-001' }), 'E_DUPLICATE'],
      ['media.change', { id: 1, change: { level: 'non_secret' } }, 'E_DOWNGRADE_FORBIDDEN'],
      ['media.lend', { id: 1, to: '王芳', computerId: 1, dueAt: '2026-12-01' }, 'E_CROSS_USE'],
      ['media.return', { id: 1, dataCleared: true, checkedBy: '李明' }, 'E_DEVICE_NOT_IN_SERVICE'],
      ['media.logUsage', { mediumId: 2, computerId: 2, user: '王芳', purpose: '拷贝', dataLevel: 'secret' }, 'E_CROSS_USE'],
      ['media.logUsage', { mediumId: 2, computerId: 1, user: '王芳', purpose: '拷贝', dataLevel: 'top_secret' }, 'E_DATA_ABOVE_MEDIUM'],
      ['media.stop', { id: 9 }, 'E_NO_SUCH_DEVICE'],
      ['media.enable', { id: 1 }, 'E_DEVICE_NOT_IN_SERVICE'],
      ['media.scrap', { id: 1, facility: '销毁中心' }, 'E_APPROVAL_REQUIRED'],
      ['media.destroy', { id: 1, ...disposal }, 'E_DEVICE_NOT_IN_SERVICE'],
      ['people.depart', { person: '王芳', handedTo: '李明', supervisor: '陈主任' }, 'E_STILL_HOLDS'],
    ];
    expect([...new Set(REFUSALS.map(([n]) => n))].sort()).toEqual([...WRITERS].sort());
    for (const [name, input, code] of REFUSALS) {
      const devices = withRaw(t, (db) => DEVICE_TABLES.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()));
      const data = dataSnapshot(t);
      const audit = auditRows(t);
      const error = refused(t.service, name, input);
      expect({ name, code: error.code }).toEqual({ name, code });
      expect(withRaw(t, (db) => DEVICE_TABLES.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()))).toEqual(devices);
      expect(dataSnapshot(t)).toEqual(data);
      const after = auditRows(t);
      expect(after.slice(0, audit.length)).toEqual(audit);
      expect(after.slice(audit.length)).toMatchObject([{ actor: 'zhangwei', action: name, outcome: 'refused', error_code: code }]);
      // Codes and typed details, never the sentence: each reader reads it in their own language.
      expect(JSON.parse(after.at(-1)!.summary)).toEqual({ input: redact(input), ...(error.details ? { details: error.details } : {}) });
    }
  });
});
