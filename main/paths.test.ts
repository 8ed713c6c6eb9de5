import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerDir, nativeBindingPath, userDataOverride } from './paths';

describe('ledgerDir', () => {
  it('is the ledger folder under userData', () => {
    expect(ledgerDir(path.join('/home/u/.config', '涉密载体台账'))).toBe(path.join('/home/u/.config', '涉密载体台账', 'ledger'));
  });
});

describe('userDataOverride', () => {
  it('honours LEDGER_USER_DATA only when unpackaged', () => {
    expect(userDataOverride({ LEDGER_USER_DATA: '/tmp/e2e-1' }, false)).toBe(path.resolve('/tmp/e2e-1'));
    expect(userDataOverride({ LEDGER_USER_DATA: '/tmp/e2e-1' }, true)).toBeNull();
    expect(userDataOverride({}, false)).toBeNull();
    expect(userDataOverride({ LEDGER_USER_DATA: '' }, false)).toBeNull();
  });

  it('makes a relative override absolute', () => {
    expect(path.isAbsolute(userDataOverride({ LEDGER_USER_DATA: 'tmp/x' }, false)!)).toBe(true);
  });
});

describe('nativeBindingPath', () => {
  const base = { appPath: '/repo', resourcesPath: '/opt/ledger/resources', arch: 'arm64' };
  it('uses the shipped resource when packaged', () => {
    expect(nativeBindingPath({ ...base, isPackaged: true })).toBe(path.join('/opt/ledger/resources', 'native', 'better_sqlite3.node'));
  });
  it('uses the per-arch development build otherwise', () => {
    expect(nativeBindingPath({ ...base, isPackaged: false })).toBe(path.join('/repo', '.electron-native', 'arm64', 'better_sqlite3.node'));
  });
});
