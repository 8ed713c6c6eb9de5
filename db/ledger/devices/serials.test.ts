// One thing, one record (issue 13): a serial is the same serial whatever its width, case or surrounding spaces
// (Unicode NFKC, trimmed, case-folded), against new rows and rows an older ledger already holds; and a device is
// not put into service on a day still to come.
import { describe, expect, it } from 'vitest';
import { withRaw } from '../../testing';
import { computerInput, devices, mediumInput } from './fixture';

describe('serials compared as the same serial', () => {
  it('a full-width or lower-case copy of a medium serial does not register the medium again (not even as 非涉密)', () => {
    const d = devices();
    d.medium({ serial: 'USB-0001', level: 'secret' });
    for (const serial of ['ＵＳＢ－０００１', 'ｕｓｂ-0001', ' usb-0001 ', 'Ｕｓｂ-０００1']) {
      expect(d.refuse('media.register', mediumInput(50, { serial, level: 'non_secret' }), 'E_DUPLICATE').details, serial).toMatchObject({ field: 'serial' });
    }
  });

  it('computer serials and disk serials, against each other and against the same machine', () => {
    const d = devices();
    d.computer({ serial: 'PC-AB12', diskSerial: 'WD-XY34' });
    const clash = (over: Record<string, unknown>, field: string) =>
      expect(d.refuse('computers.register', computerInput(50, over), 'E_DUPLICATE').details).toMatchObject({ field });
    clash({ serial: 'ＰＣ－ＡＢ１２' }, 'serial');
    clash({ serial: 'ｗｄ-xy34' }, 'serial');
    clash({ diskSerial: 'Ｐｃ-ab12' }, 'disk_serial');
    clash({ serial: 'NEW-1', diskSerial: 'ＮＥＷ－１' }, 'disk_serial');
  });

  it('rows an older ledger holds with a full-width serial are compared normalized too', () => {
    const d = devices();
    const id = d.medium({ serial: 'TMP-1', level: 'secret' });
    const pc = d.computer({ serial: 'TMP-2' });
    withRaw(d.t, (db) => {
      db.prepare('UPDATE media SET serial = ? WHERE id = ?').run('ＨＤＤ－００７', id);
      db.prepare('UPDATE computers SET disk_serial = ? WHERE id = ?').run(' ｓｔ１０００ ', pc);
    });
    expect(d.refuse('media.register', mediumInput(50, { serial: 'hdd-007', level: 'non_secret' }), 'E_DUPLICATE').details).toMatchObject({
      field: 'serial',
      value: 'hdd-007',
    });
    expect(d.refuse('computers.register', computerInput(51, { serial: 'ST1000' }), 'E_DUPLICATE').details).toMatchObject({ field: 'serial' });
    d.medium({ serial: 'HDD-008' });
  });
});

describe('the date a device is put into service', () => {
  it('is not in the future (the clock: 2026-11-25)', () => {
    const d = devices();
    expect(d.refuse('computers.register', computerInput(1, { enabledAt: '2026-11-26' }), 'E_VALIDATION').details).toMatchObject({ field: 'enabledAt' });
    expect(d.refuse('media.register', mediumInput(2, { enabledAt: '2027-01-01' }), 'E_VALIDATION').details).toMatchObject({ field: 'enabledAt' });
    d.computer({ enabledAt: '2026-11-25' });
    d.medium({ enabledAt: '2026-11-25' });
  });
});
