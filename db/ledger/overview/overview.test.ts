// 概览 (issue 17): overview.get on real encrypted ledgers the test builds with known holdings. Each number is the one
// the statistics and the registers give for the same thing: held by level (件 / 份), on loan, owed to the issuer,
// telegrams, devices by level and status, what each cabinet holds, and the latest register entries in words.
import { describe, expect, it } from 'vitest';
import { auditActionText } from '../../domain/audit';
import { addUser, login, makeLedger, ok, refused, type SetUpLedger } from '../../testing';
import type { DocumentListItem, StatisticsView } from '../../views';
import { createApprover, onTheSpot } from '../approvals/fixture';
import { computerInput, mediumInput } from '../devices/fixture';
import { receiveInput } from '../documents/fixture';
import type { OverviewView } from './queries';

const overview = (t: SetUpLedger) => ok<OverviewView>(t.service, 'overview.get');
const cells = (byLevel: Record<string, { count: number; copies: number | null }>) =>
  Object.fromEntries(Object.entries(byLevel).map(([level, c]) => [level, [c.count, c.copies]]));

function busyLedger() {
  const t = makeLedger();
  const approver = createApprover(t, '陈主任');
  const cabinet = (code: string, name: string, telegrams = false) =>
    ok<{ id: number }>(t.service, 'locations.create', { code, name, maxLevel: 'secret', telegrams }).id;
  const a = cabinet('G-01', '一号柜');
  const b = cabinet('G-02', '二号柜');
  const tg = cabinet('DB-01', '电报柜', true);
  cabinet('G-03', '三号柜');
  const receive = (locationId: number, over: Record<string, unknown>) =>
    ok<{ id: number }>(t.service, 'documents.receive', receiveInput(locationId, { receivedAt: '2026-11-20', ...over })).id;
  // 机密: 3 copies in G-01, one lent; 秘密: 2 in G-02; 机密, owed to the issuer: 1 in G-01; a telegram: 1 in DB-01.
  const d1 = receive(a, { copies: 3 });
  receive(b, { marking: '秘密★5年', copies: 2 });
  receive(a, { copies: 1, mustReturn: true, returnBy: '2026-12-31' });
  receive(tg, { carrier: 'telegram', title: '明传电报', copies: 1, returnBy: '2026-12-20' });
  // Destroyed: held by no one, counted nowhere.
  const gone = receive(a, { marking: '秘密★5年', copies: 1 });
  ok(t.service, 'documents.destroy', {
    items: [{ documentId: gone, copyNos: [1] }],
    approval: onTheSpot(approver.id, approver.password),
    method: 'shredder',
    place: '保密室',
    destroyers: ['李明'],
    witnesses: ['王芳'],
  });
  ok(t.service, 'documents.lend', { documentId: d1, copyNos: [2], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-12-10' });
  // A refusal is no activity.
  expect(refused(t.service, 'documents.transmit', { documentId: d1, copyNos: [3], toUnit: '市保密局', channel: '普通邮政', handledBy: '李明' }).code).toBe(
    'E_FORBIDDEN_CHANNEL',
  );

  const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1)).id;
  ok(t.service, 'computers.register', computerInput(2));
  ok(t.service, 'computers.register', computerInput(3, { level: 'non_secret', network: 'internet' }));
  ok(t.service, 'computers.repair', { id: pc, offSite: false, repairer: '信息科', reason: '硬盘故障' });
  ok(t.service, 'media.register', mediumInput(4));
  ok(t.service, 'media.register', mediumInput(5, { level: 'confidential' }));
  return { t, a, b, tg };
}

describe('overview.get', () => {
  it('an empty ledger: nothing held, no device, no cabinet, no activity (setting up and signing in are not register entries)', () => {
    const t = makeLedger();
    const view = overview(t);
    expect(view.holdings.held).toMatchObject({ count: 0, copies: null, byLevel: {}, byGroup: {} });
    expect(view.holdings.onLoan.count).toBe(0);
    expect(view.holdings.awaitingReturn.count).toBe(0);
    expect(view.devices).toEqual({ computers: [], media: [], unmonitored: [] });
    expect(view.cabinets).toEqual([]);
    expect(view.activities).toEqual([]);
  });

  it('the holdings of now: held by level (件 / 份), on loan, owed to the issuer and telegrams, as the statistics count them', () => {
    const { t } = busyLedger();
    const { held, onLoan, awaitingReturn } = overview(t).holdings;
    expect(held).toMatchObject({ count: 4, copies: 7 });
    expect(cells(held.byLevel)).toEqual({ secret: [3, 5], confidential: [1, 2] });
    expect(cells(held.byGroup)).toEqual({ paper: [3, 6], telegram: [1, 1] });
    expect(onLoan).toMatchObject({ count: 1, copies: 1 });
    // The item registered to go back, and the telegram (always returned).
    expect(awaitingReturn).toMatchObject({ count: 2, copies: 2 });
    // The same figures as 统计 (one query each, so they cannot disagree).
    const figures = ok<StatisticsView>(t.service, 'statistics.figures', { from: '2026-01-01', to: '2026-12-31' }).figures;
    expect([held, onLoan, awaitingReturn].map((f) => [f.count, f.copies, f.byLevel])).toEqual(
      [figures.heldNow!, figures.onLoanNow!, figures.awaitingReturnNow!].map((f) => [f.count, f.copies, f.byLevel]),
    );
    // The telegrams held are the reminders' count.
    expect(held.byGroup['telegram']!.count).toBe(ok<{ telegramsHeld: number }>(t.service, 'reminders.get').telegramsHeld);
    // 待清退 opens the register on the same items (status 'owed').
    const owed = ok<{ total: number; rows: { id: number }[] }>(t.service, 'documents.list', { status: 'owed' });
    const behind = ok<{ items: { subject: { id: number } }[] }>(t.service, 'statistics.items', {
      from: '2026-01-01',
      to: '2026-12-31',
      figure: 'awaitingReturnNow',
    });
    expect(owed.total).toBe(awaitingReturn.count);
    expect(owed.rows.map((r) => r.id).sort()).toEqual(behind.items.map((i) => i.subject.id).sort());
  });

  it('devices by register, level and status', () => {
    const { t } = busyLedger();
    const { computers, media } = overview(t).devices;
    const sorted = <T extends { level: string; status: string }>(rows: T[]) =>
      [...rows].sort((x, y) => `${x.level}${x.status}`.localeCompare(`${y.level}${y.status}`));
    expect(sorted(computers)).toEqual([
      { level: 'non_secret', status: 'in_use', count: 1 },
      { level: 'secret', status: 'in_use', count: 1 },
      { level: 'secret', status: 'repair', count: 1 },
    ]);
    expect(sorted(media)).toEqual([
      { level: 'confidential', status: 'in_use', count: 1 },
      { level: 'secret', status: 'in_use', count: 1 },
    ]);
  });

  it('flags a classified computer in use without 违规外联监控 recorded (not one under repair, nor a non-classified one)', () => {
    const { t } = busyLedger();
    expect(overview(t).devices.unmonitored).toEqual([{ id: 2, code: 'BM-JSJ-2', monitoring: null }]);
    ok(t.service, 'computers.change', { id: 2, change: { monitoring: false } });
    expect(overview(t).devices.unmonitored).toEqual([{ id: 2, code: 'BM-JSJ-2', monitoring: false }]);
    ok(t.service, 'computers.change', { id: 2, change: { monitoring: true } });
    expect(overview(t).devices.unmonitored).toEqual([]);
  });

  it('each cabinet with what is in it now (a copy on loan is with its borrower), as the register filtered to it lists', () => {
    const { t, a, b, tg } = busyLedger();
    const cabinets = overview(t).cabinets;
    expect(cabinets.map((c) => [c.code, c.items, c.copies, c.byLevel, c.telegrams])).toEqual([
      ['DB-01', 1, 1, { secret: { items: 1, copies: 1 } }, true],
      ['G-01', 2, 3, { secret: { items: 2, copies: 3 } }, false],
      ['G-02', 1, 2, { confidential: { items: 1, copies: 2 } }, false],
      ['G-03', 0, 0, {}, false],
    ]);
    for (const [id, code] of [
      [a, 'G-01'],
      [b, 'G-02'],
      [tg, 'DB-01'],
    ] as const) {
      const listed = ok<{ total: number; rows: DocumentListItem[] }>(t.service, 'documents.list', { locationId: id });
      expect([code, listed.total]).toEqual([code, cabinets.find((c) => c.code === code)!.items]);
    }
  });

  it('the last ten register entries, newest first, by ledger number and who entered them; no refusal, read or sign-in', () => {
    const { t } = busyLedger();
    const activities = overview(t).activities;
    expect(activities).toHaveLength(10);
    expect(activities.map((e) => [e.action, e.target])).toEqual([
      ['media.register', 'BM-U-5'],
      ['media.register', 'BM-U-4'],
      ['computers.repair', 'BM-JSJ-1'],
      ['computers.register', 'BM-JSJ-3'],
      ['computers.register', 'BM-JSJ-2'],
      ['computers.register', 'BM-JSJ-1'],
      ['documents.lend', '2026-0001'],
      ['documents.destroy', 'XH-2026-001'],
      ['documents.receive', '2026-0005'],
      ['documents.receive', '2026-0004'],
    ]);
    expect(new Set(activities.map((e) => e.actor))).toEqual(new Set(['张伟']));
    expect(activities.map((e) => auditActionText(e.action, 'zh-CN')).slice(0, 8)).toEqual([
      '介质登记',
      '介质登记',
      '送修',
      '计算机登记',
      '计算机登记',
      '计算机登记',
      '借阅',
      '销毁',
    ]);
    for (const e of activities) expect(Date.parse(e.at)).not.toBeNaN();
  });

  it('for those who read the registers; the administrator, who does not, is refused', () => {
    const { t } = busyLedger();
    addUser(t, { username: 'shenji1', displayName: '审计员甲', roles: ['auditor'], password: 'Auditor2026pass' });
    addUser(t, { username: 'guanli1', displayName: '管理员乙', roles: ['admin'], password: 'Admin2026passB' });
    login(t.service, 'shenji1', 'Auditor2026pass');
    expect(overview(t).holdings.held.count).toBe(4);
    login(t.service, 'guanli1', 'Admin2026passB');
    expect(refused(t.service, 'overview.get').code).toBe('E_FORBIDDEN');
  });
});
