// Test fixture for the findings tests: a real ledger on 2026-11-25 with a custodian (李明, signed in), an approver
// (王局长), a 机密 computer in service since 2026-01-05 and a stocktake started on 2026-11-20; the findings commands as
// one-line calls. Used by tests only.
import { addUser, login, makeLedger, ok, refused, withRaw } from '../../testing';
import type { ReminderCounts } from '../../views';
import { createApprover } from '../approvals/fixture';
import { computerInput } from '../devices/fixture';
import type { FindingView } from './model';

const CUSTODIAN = { username: 'liming', displayName: '李明', roles: ['custodian' as const], password: 'Custodian2026pass' };

/** A finding from a self-inspection, found on 2026-11-20 with its deadline on 2026-12-20; `over` varies it. */
const findingInput = (over: Record<string, unknown> = {}) => ({
  source: 'self_inspection',
  sourceRef: '2026年度保密自查',
  foundOn: '2026-11-20',
  description: '保密柜钥匙未随身保管',
  place: '办公室 保密室',
  severity: 'minor',
  owner: '李明',
  deadline: '2026-12-20',
  measures: '钥匙由保密员随身保管，下班前检查',
  ...over,
});

export function findingsLedger() {
  const t = makeLedger();
  addUser(t, CUSTODIAN);
  const approver = createApprover(t);
  login(t.service, CUSTODIAN.username, CUSTODIAN.password);
  const computer = ok<{ id: number }>(t.service, 'computers.register', computerInput(1)).id;
  ok(t.service, 'locations.create', { code: 'G-01', name: '一号柜', maxLevel: 'secret' });
  const stocktake = ok<{ id: number; no: string }>(t.service, 'stocktake.start', { checkers: ['李明', '王芳'], at: '2026-11-20' });
  const asCustodian = () => login(t.service, CUSTODIAN.username, CUSTODIAN.password);
  const asApprover = () => login(t.service, approver.username, approver.password);
  return {
    t,
    approver,
    computer,
    stocktake,
    asCustodian,
    asApprover,
    register: (over: Record<string, unknown> = {}) => ok<{ id: number; no: string }>(t.service, 'findings.register', findingInput(over)),
    refusedRegister: (over: Record<string, unknown> = {}) => refused(t.service, 'findings.register', findingInput(over)),
    get: (id: number) => ok<FindingView>(t.service, 'findings.get', { id }),
    list: (filters: Record<string, unknown> = {}) => ok<FindingView[]>(t.service, 'findings.list', filters),
    close: (id: number, over: Record<string, unknown> = {}) =>
      ok<FindingView>(t.service, 'findings.close', { id, done: '已配发钥匙盒，保密员随身保管', closedOn: '2026-11-24', ...over }),
    onTheSpot: () => ({ approverId: approver.id, password: approver.password }),
    /** As the approver, then the custodian signed in again. */
    confirm: (id: number, decision: 'confirmed' | 'rejected' = 'confirmed', note = '') => {
      asApprover();
      const out = ok<FindingView>(t.service, 'findings.confirm', { id, decision, note });
      asCustodian();
      return out;
    },
    reminders: () => ok<ReminderCounts>(t.service, 'reminders.get'),
    rows: (table: string) => withRaw(t, (db) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()),
  };
}

export type FindingsLedger = ReturnType<typeof findingsLedger>;
