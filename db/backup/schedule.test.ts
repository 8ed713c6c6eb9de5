import { describe, expect, it } from 'vitest';
import { backupStatus } from './schedule';

const DAY = 86_400_000;
const LAST = '2026-11-01T02:00:00.000Z';
const at = (days: number) => Date.parse(LAST) + days * DAY;

describe('backupStatus', () => {
  it.each([
    [0, 'ok'],
    [7 - 1 / 1440, 'ok'],
    [7, 'due'],
    [8 - 1 / 1440, 'due'],
    [8, 'overdue'],
    [30, 'overdue'],
  ])('%f days after the last backup with a 7-day interval: %s', (days, state) => {
    expect(backupStatus({ lastBackupAt: LAST, since: '2026-01-01T00:00:00.000Z', intervalDays: 7, now: at(days) })).toEqual({
      state,
      lastBackupAt: LAST,
      dueAt: '2026-11-08T02:00:00.000Z',
      intervalDays: 7,
    });
  });

  it('counts from the ledger creation when there was never a backup', () => {
    expect(backupStatus({ lastBackupAt: null, since: LAST, intervalDays: 1, now: at(2.5) })).toMatchObject({
      state: 'overdue',
      lastBackupAt: null,
      dueAt: '2026-11-02T02:00:00.000Z',
    });
  });
});
