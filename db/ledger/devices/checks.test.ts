// A computer's security fields and its check log, through service.invoke on a real encrypted ledger: set at
// registration, changed with before and after, checks dated within the computer's life, the reminder by the
// interval setting, and the classified computers in use without 违规外联监控.
import { describe, expect, it } from 'vitest';
import { auditFields } from '../../domain/audit';
import { auditRows, ok, withRaw } from '../../testing';
import type { ComputerCheckView, ReminderCounts } from '../../views';
import { devices, DISPOSAL } from './fixture';

const PRODUCTS = [
  { name: '三合一', version: 'V3.2' },
  { name: '奇安信天擎', version: '10.0' },
];
const check = (computerId: number, over: Record<string, unknown> = {}) => ({
  computerId,
  kind: 'antivirus',
  checker: '王芳',
  result: 'normal',
  at: '2026-11-20',
  ...over,
});

describe('the security fields of a computer', () => {
  it('are set at registration and shown; left out, they are not recorded (null), never a silent “not installed”', () => {
    const d = devices();
    const pc = d.computer({ monitoring: true, threeInOne: false, securityProducts: PRODUCTS });
    expect(d.getComputer(pc)).toMatchObject({ monitoring: true, threeInOne: false, securityProducts: PRODUCTS });
    expect(d.getComputer(pc).history[0]!.details).toMatchObject({ after: { monitoring: true, threeInOne: false, securityProducts: PRODUCTS } });
    const old = d.computer();
    expect(d.getComputer(old)).toMatchObject({ monitoring: null, threeInOne: null, securityProducts: [] });
  });

  it('change through the change path with before and after; the same value again is no change', () => {
    const d = devices();
    const pc = d.computer();
    d.write('computers.change', { id: pc, change: { monitoring: true, threeInOne: true, securityProducts: PRODUCTS }, at: '2026-11-20' });
    expect(d.getComputer(pc)).toMatchObject({ monitoring: true, threeInOne: true, securityProducts: PRODUCTS });
    expect(d.getComputer(pc).history.at(-1)).toMatchObject({
      kind: 'change',
      details: {
        before: { monitoring: null, threeInOne: null, securityProducts: [] },
        after: { monitoring: true, threeInOne: true, securityProducts: PRODUCTS },
      },
    });
    d.write('computers.change', { id: pc, change: { securityProducts: [{ name: '三合一', version: 'V3.5' }], monitoring: true }, at: '2026-11-21' });
    expect(d.getComputer(pc).history.at(-1)!.details).toEqual({
      before: { securityProducts: PRODUCTS },
      after: { securityProducts: [{ name: '三合一', version: 'V3.5' }] },
    });
    expect(d.refuse('computers.change', { id: pc, change: { monitoring: true }, at: '2026-11-21' }, 'E_VALIDATION').details).toEqual({ field: 'change' });
  });
});

describe('the check log (计算机检查)', () => {
  it('appends a check with its kind, day, checker, result and problems; newest first in the computer’s detail', () => {
    const d = devices();
    const pc = d.computer();
    d.write('computers.check', check(pc));
    d.write('computers.check', check(pc, { kind: 'outbound', result: 'problems', problems: '发现一次违规外联告警，已断网处置', at: '2026-11-22' }));
    const checks = d.getComputer(pc).checks;
    expect(checks.map((c) => [c.kind, c.at, c.checker, c.result, c.problems, c.computer, c.recordedBy])).toEqual([
      ['outbound', '2026-11-22', '王芳', 'problems', '发现一次违规外联告警，已断网处置', 'BM-JSJ-1', '张伟'],
      ['antivirus', '2026-11-20', '王芳', 'normal', '', 'BM-JSJ-1', '张伟'],
    ]);
    // The audit entry names the computer.
    expect(withRaw(d.t, (db) => db.prepare(`SELECT target FROM audit_log WHERE action = 'computers.check'`).all())).toEqual([
      { target: 'BM-JSJ-1' },
      { target: 'BM-JSJ-1' },
    ]);
  });

  it('发现问题 must say what was found (E_CHECK_PROBLEMS_REQUIRED)', () => {
    const d = devices();
    const pc = d.computer();
    expect(d.refuse('computers.check', check(pc, { result: 'problems' }), 'E_CHECK_PROBLEMS_REQUIRED').details).toEqual({ computer: 'BM-JSJ-1' });
    d.refuse('computers.check', check(pc, { result: 'problems', problems: '   ' }), 'E_CHECK_PROBLEMS_REQUIRED');
  });

  it('is never dated before the computer was put into service (E_CHECK_BEFORE_ENABLED), nor in the future', () => {
    const d = devices();
    const pc = d.computer({ enabledAt: '2026-03-01' });
    expect(d.refuse('computers.check', check(pc, { at: '2026-02-28' }), 'E_CHECK_BEFORE_ENABLED').details).toEqual({
      computer: 'BM-JSJ-1',
      at: '2026-02-28',
      enabledAt: '2026-03-01',
    });
    d.write('computers.check', check(pc, { at: '2026-03-01' }));
    expect(d.refuse('computers.check', check(pc, { at: '2026-11-26' }), 'E_VALIDATION').details).toMatchObject({ field: 'at' });
  });

  it('is refused for a scrapped or destroyed computer, accepted under repair or stopped', () => {
    const d = devices();
    const pc = d.computer();
    d.write('computers.stop', { id: pc, reason: '闲置' });
    d.write('computers.check', check(pc));
    d.write('computers.scrap', { id: pc, ...DISPOSAL });
    expect(d.refuse('computers.check', check(pc), 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ code: 'BM-JSJ-1', status: 'scrapped' });
  });

  it('a wrong kind or result is refused by the schema, and the log cannot be rewritten', () => {
    const d = devices();
    const pc = d.computer();
    d.refuse('computers.check', check(pc, { kind: 'disk_wipe' }), 'E_VALIDATION');
    d.refuse('computers.check', check(pc, { result: 'fine' }), 'E_VALIDATION');
    d.write('computers.check', check(pc));
    expect(() => withRaw(d.t, (db) => db.prepare(`UPDATE computer_checks SET result = 'problems'`).run())).toThrow(/append-only/);
  });

  it('lists the whole log by computer, kind and year', () => {
    const d = devices();
    const a = d.computer();
    const b = d.computer();
    d.write('computers.check', check(a));
    d.write('computers.check', check(b, { kind: 'secrecy' }));
    const list = (input: Record<string, unknown>) => ok<{ total: number; rows: ComputerCheckView[] }>(d.t.service, 'computers.checks', input);
    expect(list({}).total).toBe(2);
    expect(list({ computerId: b }).rows.map((r) => r.kind)).toEqual(['secrecy']);
    expect(list({ kind: 'antivirus' }).rows.map((r) => r.computer)).toEqual(['BM-JSJ-1']);
    expect(list({ year: 2025 }).total).toBe(0);
  });
});

describe('the reminder computerChecksDue', () => {
  const due = (d: ReturnType<typeof devices>) => ok<ReminderCounts>(d.t.service, 'reminders.get').computerChecksDue;

  it('names computers in use whose last check of a kind is older than the interval (30 days by default), never checked counting from service', () => {
    const d = devices();
    // Today is 2026-11-25 (the test clock).
    const fresh = d.computer({ enabledAt: '2026-11-01' });
    const old = d.computer({ enabledAt: '2026-01-05' });
    void fresh;
    for (const kind of ['antivirus', 'system_update', 'outbound', 'secrecy']) d.write('computers.check', check(old, { kind, at: '2026-11-20' }));
    expect(due(d)).toEqual([]);
    const late = d.computer({ enabledAt: '2026-01-05' });
    d.write('computers.check', check(late, { kind: 'antivirus', at: '2026-10-25' }));
    d.write('computers.check', check(late, { kind: 'system_update', at: '2026-10-26' }));
    d.write('computers.check', check(late, { kind: 'outbound', at: '2026-11-20' }));
    expect(due(d)).toEqual([
      {
        id: late,
        code: 'BM-JSJ-3',
        level: 'secret',
        kinds: [
          { kind: 'antivirus', lastAt: '2026-10-25' },
          { kind: 'secrecy', lastAt: null },
        ],
      },
    ]);
  });

  it('reads its interval from the settings (computerCheckIntervalDays), and leaves out computers not in use', () => {
    const d = devices();
    const pc = d.computer({ enabledAt: '2026-11-01' });
    expect(due(d)).toEqual([]);
    ok(d.t.service, 'settings.update', { computerCheckIntervalDays: 7 });
    expect(due(d).map((c) => c.code)).toEqual(['BM-JSJ-1']);
    expect(ok<{ computerCheckIntervalDays: number }>(d.t.service, 'settings.get').computerCheckIntervalDays).toBe(7);
    d.write('computers.stop', { id: pc, reason: '闲置' });
    expect(due(d)).toEqual([]);
  });
});

describe('a check in the audit log', () => {
  it('reads in words: the kind and the result of a check, never their codes', () => {
    const d = devices();
    const pc = d.computer();
    d.write('computers.check', check(pc, { kind: 'outbound', result: 'problems', problems: '告警一次' }));
    const entry = auditRows(d.t).at(-1)!;
    expect(entry).toMatchObject({ action: 'computers.check', target: 'BM-JSJ-1' });
    const words = auditFields(JSON.parse(entry.summary) as Record<string, unknown>, 'zh-CN');
    expect(words).toEqual(
      expect.arrayContaining([
        { labels: ['检查类别'], value: '违规外联检查' },
        { labels: ['检查结果'], value: '发现问题' },
        { labels: ['检查人'], value: '王芳' },
        { labels: ['发现的问题'], value: '告警一次' },
      ]),
    );
    expect(words.map((w) => `${w.labels.join('')}${w.value}`).join()).not.toMatch(/outbound|problems|computerId/);
  });
});
