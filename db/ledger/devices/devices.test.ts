// The rules the regulations set for computers and removable media (domain.md "Computers and removable storage
// media"), each through service.invoke on a real encrypted ledger. Every accepted command leaves exactly one ok
// audit entry; every refusal has its code, changes nothing in the device tables and leaves one refused entry.
import { describe, expect, it } from 'vitest';
import { ok, withRaw } from '../../testing';
import { computerInput, devices, DISPOSAL, mediumInput, UNIT_HEAD } from './fixture';

type Level = 'top_secret' | 'secret' | 'confidential' | 'non_secret';
const LEVELS: Level[] = ['top_secret', 'secret', 'confidential', 'non_secret'];
const CLASSIFIED: Level[] = ['top_secret', 'secret', 'confidential'];
const usage = (mediumId: number, computerId: number, dataLevel = 'non_secret') => ({ mediumId, computerId, user: '王芳', purpose: '拷贝通知文稿', dataLevel });
const loan = (id: number, computerId: number) => ({ id, to: '王芳', computerId, dueAt: '2026-12-01' });
/** The recorded decision a lower classified level needs (who decided, their document) and the approver's approval. */
const decision = { decidedBy: '省国家保密局', decisionDocNo: '鲁保函〔2026〕21号' };
const downgrade = { decision, approval: UNIT_HEAD };

describe('networks: a classified computer is only standalone or on the classified intranet', () => {
  it('registering a classified computer on 互联网 or 电子政务外网 is refused with E_NETWORK_FORBIDDEN; 单机 and 涉密内网 are accepted', () => {
    const d = devices();
    for (const level of CLASSIFIED) {
      for (const network of ['internet', 'egov_extranet']) {
        const e = d.refuse('computers.register', computerInput(90, { level, network }), 'E_NETWORK_FORBIDDEN');
        expect(e.details).toEqual({ level, network });
      }
      for (const network of ['standalone', 'classified_intranet'])
        expect(d.getComputer(d.computer({ level, network }))).toMatchObject({ level, network, status: 'in_use' });
    }
  });

  it('a non-classified computer may be standalone, on 电子政务外网 or 互联网, never on the classified intranet (E_NETWORK_FORBIDDEN)', () => {
    const d = devices();
    for (const network of ['standalone', 'egov_extranet', 'internet']) {
      expect(d.getComputer(d.computer({ level: 'non_secret', network }))).toMatchObject({ level: 'non_secret', network });
    }
    expect(d.refuse('computers.register', computerInput(90, { level: 'non_secret', network: 'classified_intranet' }), 'E_NETWORK_FORBIDDEN').details).toEqual({
      level: 'non_secret',
      network: 'classified_intranet',
    });
    const plain = d.computer({ level: 'non_secret', network: 'standalone' });
    d.refuse('computers.change', { id: plain, change: { network: 'classified_intranet' } }, 'E_NETWORK_FORBIDDEN');
    expect(d.getComputer(plain).network).toBe('standalone');
  });

  it('computers.change refuses moving a classified computer onto 互联网 or 电子政务外网, allows 涉密内网, and moves a non-classified one anywhere', () => {
    const d = devices();
    const pc = d.computer({ level: 'confidential' });
    for (const network of ['internet', 'egov_extranet']) {
      d.refuse('computers.change', { id: pc, change: { network } }, 'E_NETWORK_FORBIDDEN');
      // Together with another harmless field: nothing of the change is kept.
      d.refuse('computers.change', { id: pc, change: { location: '二楼机房', network } }, 'E_NETWORK_FORBIDDEN');
    }
    d.write('computers.change', { id: pc, change: { network: 'classified_intranet' } });
    expect(d.getComputer(pc)).toMatchObject({ network: 'classified_intranet', location: '保密室' });

    const plain = d.computer({ level: 'non_secret', network: 'standalone' });
    d.write('computers.change', { id: plain, change: { network: 'internet' } });
    d.write('computers.change', { id: plain, change: { network: 'egov_extranet' } });
    expect(d.getComputer(plain).network).toBe('egov_extranet');
  });

  it('the database itself refuses a direct UPDATE putting a classified computer on the internet (CHECK of migration 3)', () => {
    const d = devices();
    const pc = d.computer({ level: 'top_secret', network: 'classified_intranet' });
    const plain = d.computer({ level: 'non_secret' });
    for (const network of ['internet', 'egov_extranet']) {
      expect(() => withRaw(d.t, (db) => db.prepare('UPDATE computers SET network = ? WHERE id = ?').run(network, pc))).toThrow(/CHECK constraint failed/);
    }
    // Nor can the level be raised while it sits on the internet.
    withRaw(d.t, (db) => db.prepare(`UPDATE computers SET network = 'internet' WHERE id = ?`).run(plain));
    expect(() => withRaw(d.t, (db) => db.prepare(`UPDATE computers SET level = 'secret' WHERE id = ?`).run(plain))).toThrow(/CHECK constraint failed/);
    expect(d.getComputer(pc).network).toBe('classified_intranet');
    expect(d.getComputer(plain)).toMatchObject({ level: 'non_secret', network: 'internet' });
  });
});

describe('unique numbers and serials', () => {
  it('a computer 编号, machine serial or disk serial cannot repeat, whatever the case (E_DUPLICATE with the field)', () => {
    const d = devices();
    d.computer({ code: 'BM-JSJ-001', serial: 'SN-AAA', diskSerial: 'DISK-AAA' });
    const clash = (over: Record<string, unknown>, field: string) => {
      const e = d.refuse('computers.register', computerInput(50, over), 'E_DUPLICATE');
      expect(e.details).toMatchObject({ field });
    };
    clash({ code: 'bm-jsj-001' }, 'code');
    clash({ serial: 'sn-aaa' }, 'serial');
    clash({ serial: 'SN-AAA' }, 'serial');
    // A machine serial equal to another machine's disk serial, and the reverse.
    clash({ serial: 'disk-aaa' }, 'serial');
    clash({ diskSerial: 'Disk-Aaa' }, 'disk_serial');
    clash({ diskSerial: 'sn-aaa' }, 'disk_serial');
    // One machine whose disk serial repeats its own serial.
    clash({ serial: 'SAME-1', diskSerial: 'SAME-1' }, 'disk_serial');
    clash({ serial: 'SAME-1', diskSerial: 'same-1' }, 'disk_serial');
    // Without a disk serial (absent or empty) there is nothing to clash.
    d.computer({ diskSerial: undefined });
    d.computer({ diskSerial: undefined });
    d.computer({ diskSerial: '' });
    d.computer({ diskSerial: '' });
  });

  it('a medium 编号 and serial cannot repeat, whatever the case; a medium may share a serial with a computer', () => {
    const d = devices();
    d.medium({ code: 'BM-U-001', serial: 'USB-0001' });
    expect(d.refuse('media.register', mediumInput(50, { code: 'bm-u-001' }), 'E_DUPLICATE').details).toMatchObject({ field: 'code' });
    expect(d.refuse('media.register', mediumInput(50, { serial: 'usb-0001' }), 'E_DUPLICATE').details).toMatchObject({ field: 'serial' });
    expect(d.refuse('media.register', mediumInput(50, { serial: 'USB-0001', level: 'non_secret' }), 'E_DUPLICATE').details).toMatchObject({ field: 'serial' });
    d.computer({ serial: 'USB-0001' });
  });
});

describe('no cross-use (交叉使用), on every usage entry and every loan', () => {
  // Medium level -> computer level -> the rule that refuses, or null when allowed.
  const EXPECTED: Record<Level, Record<Level, string | null>> = {
    top_secret: { top_secret: null, secret: 'medium_above_computer', confidential: 'medium_above_computer', non_secret: 'classified_medium_on_plain_computer' },
    secret: { top_secret: null, secret: null, confidential: 'medium_above_computer', non_secret: 'classified_medium_on_plain_computer' },
    confidential: { top_secret: null, secret: null, confidential: null, non_secret: 'classified_medium_on_plain_computer' },
    non_secret: {
      top_secret: 'plain_medium_on_classified_computer',
      secret: 'plain_medium_on_classified_computer',
      confidential: 'plain_medium_on_classified_computer',
      non_secret: null,
    },
  };

  it('every pairing of medium and computer level, through media.logUsage and media.lend', () => {
    const d = devices();
    const pcs = Object.fromEntries(LEVELS.map((level) => [level, d.computer({ level })])) as Record<Level, number>;
    for (const mLevel of LEVELS) {
      for (const cLevel of LEVELS) {
        const m = d.medium({ level: mLevel });
        const rule = EXPECTED[mLevel][cLevel];
        if (rule === null) {
          d.write('media.logUsage', usage(m, pcs[cLevel]));
          d.write('media.lend', loan(m, pcs[cLevel]));
          expect(d.getMedium(m)).toMatchObject({ holder: '王芳', usage: [{ mediumLevel: mLevel, computerLevel: cLevel }] });
        } else {
          for (const [name, input] of [
            ['media.logUsage', usage(m, pcs[cLevel])],
            ['media.lend', loan(m, pcs[cLevel])],
          ] as const) {
            const e = d.refuse(name, input, 'E_CROSS_USE');
            expect({ mLevel, cLevel, details: e.details }).toMatchObject({ mLevel, cLevel, details: { rule, mediumLevel: mLevel, computerLevel: cLevel } });
          }
        }
      }
    }
  });

  it('the named cases: 秘密 U盘 on a 机密 computer accepted; 绝密 medium on a 机密 computer refused', () => {
    const d = devices();
    const jimi = d.computer({ level: 'secret' });
    const mimiU = d.medium({ level: 'confidential', type: 'usb' });
    const juemi = d.medium({ level: 'top_secret', type: 'hdd' });
    expect(d.write<{ id: number }>('media.logUsage', usage(mimiU, jimi, 'confidential')).id).toBeGreaterThan(0);
    expect(d.refuse('media.logUsage', usage(juemi, jimi), 'E_CROSS_USE').details).toMatchObject({ rule: 'medium_above_computer' });
    expect(d.refuse('media.lend', loan(juemi, jimi), 'E_CROSS_USE').details).toMatchObject({ rule: 'medium_above_computer' });
  });
});

describe('data on a medium never above its level', () => {
  it('E_DATA_ABOVE_MEDIUM for data above the medium; 内部 data fits a non-classified medium', () => {
    const d = devices();
    const top = d.computer({ level: 'top_secret' });
    const plainPc = d.computer({ level: 'non_secret' });
    const mimi = d.medium({ level: 'confidential' });
    for (const dataLevel of ['non_secret', 'internal', 'confidential']) d.write('media.logUsage', usage(mimi, top, dataLevel));
    for (const dataLevel of ['secret', 'top_secret']) {
      expect(d.refuse('media.logUsage', usage(mimi, top, dataLevel), 'E_DATA_ABOVE_MEDIUM').details).toEqual({
        medium: 'BM-U-3',
        mediumLevel: 'confidential',
        dataLevel,
      });
    }
    const plain = d.medium({ level: 'non_secret' });
    d.write('media.logUsage', usage(plain, plainPc, 'internal'));
    d.write('media.logUsage', usage(plain, plainPc, 'non_secret'));
    for (const dataLevel of ['confidential', 'secret', 'top_secret']) d.refuse('media.logUsage', usage(plain, plainPc, dataLevel), 'E_DATA_ABOVE_MEDIUM');
    const juemi = d.medium({ level: 'top_secret' });
    d.write('media.logUsage', usage(juemi, top, 'top_secret'));
    expect(ok<{ total: number }>(d.t.service, 'media.usageLog', {}).total).toBe(6);
  });
});

describe('nothing out of service is used', () => {
  it('a stopped, scrapped or destroyed medium is refused in logUsage and lend (E_DEVICE_NOT_IN_SERVICE)', () => {
    const d = devices();
    const pc = d.computer();
    const disposal = DISPOSAL;
    const stopped = d.medium();
    d.write('media.stop', { id: stopped });
    const scrapped = d.medium();
    d.write('media.scrap', { id: scrapped, ...disposal });
    const destroyed = d.medium();
    d.write('media.scrap', { id: destroyed, ...disposal });
    d.write('media.destroy', { id: destroyed, ...disposal });
    for (const [m, status] of [
      [stopped, 'stopped'],
      [scrapped, 'scrapped'],
      [destroyed, 'destroyed'],
    ] as const) {
      expect(d.refuse('media.logUsage', usage(m, pc), 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ device: 'medium', status });
      expect(d.refuse('media.lend', loan(m, pc), 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ device: 'medium', status });
    }
    // Enabled again, it is usable again.
    d.write('media.enable', { id: stopped });
    d.write('media.logUsage', usage(stopped, pc));
  });

  it('a stopped, under-repair, scrapped or destroyed computer is refused in logUsage and lend (E_DEVICE_NOT_IN_SERVICE)', () => {
    const d = devices();
    const m = d.medium();
    const disposal = DISPOSAL;
    const stopped = d.computer();
    d.write('computers.stop', { id: stopped });
    const repair = d.computer();
    d.write('computers.repair', { id: repair, offSite: false, repairer: '信息中心 赵工', reason: '无法开机' });
    const scrapped = d.computer();
    d.write('computers.scrap', { id: scrapped, ...disposal });
    const destroyed = d.computer();
    d.write('computers.scrap', { id: destroyed, ...disposal });
    d.write('computers.destroy', { id: destroyed, ...disposal });
    for (const [pc, status] of [
      [stopped, 'stopped'],
      [repair, 'repair'],
      [scrapped, 'scrapped'],
      [destroyed, 'destroyed'],
    ] as const) {
      expect(d.refuse('media.logUsage', usage(m, pc), 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ device: 'computer', status });
      expect(d.refuse('media.lend', loan(m, pc), 'E_DEVICE_NOT_IN_SERVICE').details).toMatchObject({ device: 'computer', status });
    }
    d.write('computers.backFromRepair', { id: repair, checkedBy: '李明' });
    d.write('media.lend', loan(m, repair));
  });
});

describe('no downgrade of a medium that held secrets', () => {
  it('a classified medium can never become 非涉密 (rule ever_classified), by command or by a direct UPDATE', () => {
    const d = devices();
    for (const level of CLASSIFIED) {
      const m = d.medium({ level });
      expect(d.refuse('media.change', { id: m, change: { level: 'non_secret' } }, 'E_DOWNGRADE_FORBIDDEN').details).toMatchObject({ rule: 'ever_classified' });
      expect(() => withRaw(d.t, (db) => db.prepare(`UPDATE media SET level = 'non_secret' WHERE id = ?`).run(m))).toThrow(/CHECK constraint failed/);
      expect(() => withRaw(d.t, (db) => db.prepare(`UPDATE media SET level = 'non_secret', ever_classified = 0 WHERE id = ?`).run(m))).toThrow(
        /held secrets stays marked/,
      );
      expect(d.getMedium(m)).toMatchObject({ level, everClassified: true });
    }
  });

  it('a 非涉密 medium raised to 秘密 once is classified for ever: back to 非涉密 refused, also at the SQL level', () => {
    const d = devices();
    const m = d.medium({ level: 'non_secret' });
    expect(d.getMedium(m)).toMatchObject({ level: 'non_secret', everClassified: false });
    d.write('media.change', { id: m, change: { level: 'confidential' } });
    expect(d.getMedium(m)).toMatchObject({ level: 'confidential', everClassified: true });
    expect(d.refuse('media.change', { id: m, change: { level: 'non_secret' } }, 'E_DOWNGRADE_FORBIDDEN').details).toEqual({
      medium: 'BM-U-1',
      rule: 'ever_classified',
    });
    expect(() => withRaw(d.t, (db) => db.prepare(`UPDATE media SET level = 'non_secret' WHERE id = ?`).run(m))).toThrow(/CHECK constraint failed/);
    // Moving between classified levels with no data logged is allowed (down only by a recorded decision).
    d.write('media.change', { id: m, change: { level: 'secret' } });
    d.write('media.change', { id: m, change: { level: 'confidential' }, ...downgrade });
    expect(
      d
        .getMedium(m)
        .history.filter((e) => e.kind === 'change')
        .map((e) => [e.details.before, e.details.after].map((x) => (x as { level: string }).level)),
    ).toEqual([
      ['non_secret', 'confidential'],
      ['confidential', 'secret'],
      ['secret', 'confidential'],
    ]);
  });

  it('a medium cannot go below the highest level of data ever logged on it (rule held_higher_data)', () => {
    const d = devices();
    const pc = d.computer({ level: 'top_secret' });
    const m = d.medium({ level: 'secret' });
    d.write('media.logUsage', usage(m, pc, 'confidential'));
    d.write('media.logUsage', usage(m, pc, 'secret'));
    d.write('media.logUsage', usage(m, pc, 'internal'));
    expect(d.refuse('media.change', { id: m, change: { level: 'confidential' } }, 'E_DOWNGRADE_FORBIDDEN').details).toEqual({
      medium: 'BM-U-2',
      rule: 'held_higher_data',
    });
    d.write('media.change', { id: m, change: { level: 'top_secret' } });
    d.write('media.change', { id: m, change: { level: 'secret' }, ...downgrade });
    d.refuse('media.change', { id: m, change: { level: 'confidential' }, ...downgrade }, 'E_DOWNGRADE_FORBIDDEN');
    expect(d.getMedium(m).level).toBe('secret');

    // Only data above the new level blocks it: 秘密 data on a 机密 medium lets it go down to 秘密.
    const other = d.medium({ level: 'secret' });
    d.write('media.logUsage', usage(other, pc, 'confidential'));
    d.write('media.change', { id: other, change: { level: 'confidential' }, ...downgrade });
    expect(d.getMedium(other).level).toBe('confidential');
  });

  it('a classified medium goes to a lower level only by a recorded decision with its approver (E_APPROVAL_REQUIRED rule medium_downgrade); raising needs none', () => {
    const d = devices();
    const m = d.medium({ level: 'secret' });
    expect(d.refuse('media.change', { id: m, change: { level: 'confidential' } }, 'E_APPROVAL_REQUIRED').details).toEqual({ rule: 'medium_downgrade' });
    // Together with another field, nothing of the change is kept; a blank name is no decision.
    d.refuse('media.change', { id: m, change: { level: 'confidential', responsible: '王芳' } }, 'E_APPROVAL_REQUIRED');
    d.refuse('media.change', { id: m, change: { level: 'confidential' }, decision: { ...decision, decidedBy: ' ' }, approval: UNIT_HEAD }, 'E_VALIDATION');
    d.refuse('media.change', { id: m, change: { level: 'confidential' }, decision: { decidedBy: '省国家保密局' }, approval: UNIT_HEAD }, 'E_VALIDATION');
    // A decision without the approver's approval, or a typed approver's name, is not enough.
    expect(d.refuse('media.change', { id: m, change: { level: 'confidential' }, decision }, 'E_APPROVAL_REQUIRED').details).toEqual({
      rule: 'medium_downgrade',
    });
    d.refuse('media.change', { id: m, change: { level: 'confidential' }, decision: { ...decision, approver: '陈主任' } }, 'E_VALIDATION');
    d.write('media.change', { id: m, change: { level: 'confidential' }, ...downgrade });
    expect(d.getMedium(m).history.at(-1)).toMatchObject({
      kind: 'change',
      details: {
        before: { level: 'secret' },
        after: { level: 'confidential' },
        decision: { ...decision, approver: '陈主任' },
        approval: { way: 'on_the_spot' },
      },
    });
    d.write('media.change', { id: m, change: { level: 'top_secret' } });
    expect(d.getMedium(m).history.at(-1)?.details).not.toHaveProperty('decision');
  });
});
