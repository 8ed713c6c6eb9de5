// Test fixture for the device register tests: inputs, and a ledger whose writes and refusals are checked for
// exactly one audit entry each and, when refused, for unchanged device tables. Used by tests only.
import { expect } from 'vitest';
import type { LedgerErrorShape } from '../../errors';
import { makeLedger, ok, refused, withRaw, type SetUpLedger } from '../../testing';
import { createApprover, FIRST_APPROVER_ON_THE_SPOT } from '../approvals/fixture';
import type { ComputerCheckView, DeviceEventView, MediaUsageView, MediumView, ComputerView } from '../../views';

const DEVICE_TABLES = ['computers', 'media', 'device_events', 'media_usage', 'departures', 'computer_checks'];

export const computerInput = (n: number, over: Record<string, unknown> = {}) => ({
  code: `BM-JSJ-${n}`,
  name: `办公计算机${n}`,
  model: '联想 启天 M720',
  serial: `PC-SN-${n}`,
  diskSerial: `WD-DISK-${n}`,
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

export const mediumInput = (n: number, over: Record<string, unknown> = {}) => ({
  code: `BM-U-${n}`,
  type: 'usb',
  model: '朗科 U208',
  serial: `USB-SN-${n}`,
  capacity: '32GB',
  level: 'secret',
  responsible: '李明',
  department: '办公室',
  usageScope: '办公室内部',
  enabledAt: '2026-02-01',
  ...over,
});

export type ComputerDetail = ComputerView & { history: DeviceEventView[]; checks: ComputerCheckView[] };
export type MediumDetail = MediumView & { history: DeviceEventView[]; usage: MediaUsageView[] };

function state(t: SetUpLedger) {
  return withRaw(t, (db) => ({
    tables: Object.fromEntries(DEVICE_TABLES.map((name) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY id`).all()])),
    audit: db.prepare('SELECT seq, actor, action, target, outcome, error_code FROM audit_log ORDER BY seq').all() as {
      action: string;
      outcome: string;
      error_code: string | null;
    }[],
  }));
}

/** The unit head's approval on the spot: devices() makes 陈主任 the ledger's approver, its first account after the administrator. */
export const UNIT_HEAD = FIRST_APPROVER_ON_THE_SPOT;
/** Scrapping and destruction: the qualified facility and the approval. */
export const DISPOSAL = { facility: '省保密局销毁中心', approval: UNIT_HEAD };

export function devices() {
  const t = makeLedger();
  createApprover(t, '陈主任');
  let n = 0;
  /** Accepted, with exactly one more audit entry: ok, for this command. */
  const write = <T = null>(name: string, input: unknown): T => {
    const before = state(t).audit;
    const out = ok<T>(t.service, name, input);
    const after = state(t).audit;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toMatchObject([{ action: name, outcome: 'ok', error_code: null }]);
    return out;
  };
  /** Refused with `code`: the device tables are unchanged and the audit log has one more entry, refused with that code. */
  const refuse = (name: string, input: unknown, code: string): LedgerErrorShape => {
    const before = state(t);
    const error = refused(t.service, name, input);
    expect({ name, code: error.code }).toEqual({ name, code });
    const after = state(t);
    expect(after.tables).toEqual(before.tables);
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    expect(after.audit.slice(before.audit.length)).toMatchObject([{ action: name, outcome: 'refused', error_code: code }]);
    return error;
  };
  return {
    t,
    write,
    refuse,
    computer: (over: Record<string, unknown> = {}) => write<{ id: number }>('computers.register', computerInput(++n, over)).id,
    medium: (over: Record<string, unknown> = {}) => write<{ id: number }>('media.register', mediumInput(++n, over)).id,
    getComputer: (id: number) => ok<ComputerDetail>(t.service, 'computers.get', { id }),
    getMedium: (id: number) => ok<MediumDetail>(t.service, 'media.get', { id }),
  };
}
