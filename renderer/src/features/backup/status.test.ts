import { describe, expect, it } from 'vitest';
import type { BackupStatusView } from '../../../../preload/contract';
import { backupAlert } from './status';

const LAST = '2026-11-30T02:00:00.000Z';
const FAILED = '2026-12-01T09:00:00.000Z';
const status = (state: BackupStatusView['state'], lastBackupAt: string | null, lastFailedAt: string | null = null): BackupStatusView => ({
  state,
  lastBackupAt,
  lastFailedAt,
  dueAt: '2026-12-07T02:00:00.000Z',
  intervalDays: 7,
});

describe('backupAlert: green only for a backup that exists, is recent and was not followed by a failure', () => {
  it.each([
    ['never, within the interval', status('ok', null), { tone: 'warning', kind: 'never' }],
    ['never, due today', status('due', null), { tone: 'warning', kind: 'never' }],
    ['never, overdue', status('overdue', null), { tone: 'error', kind: 'neverOverdue' }],
    ['recent', status('ok', LAST), { tone: 'success', kind: 'ok' }],
    ['due', status('due', LAST), { tone: 'warning', kind: 'due' }],
    ['overdue', status('overdue', LAST), { tone: 'error', kind: 'overdue' }],
    ['recent, then a failed attempt', status('ok', LAST, FAILED), { tone: 'warning', kind: 'failed' }],
    ['overdue, then a failed attempt', status('overdue', LAST, FAILED), { tone: 'error', kind: 'failed' }],
    ['never, and the first attempt failed', status('ok', null, FAILED), { tone: 'warning', kind: 'failed' }],
  ] as const)('%s', (_, input, expected) => {
    expect(backupAlert(input)).toEqual(expected);
  });
});
