import { describe, expect, it } from 'vitest';
import type { BackupStatusView, InvokeResult } from '../preload/contract';
import { backupQuitPrompt, promptLanguage } from './quit-prompt';

const status = (backup: BackupStatusView | null): InvokeResult => ({
  ok: true,
  value: { state: 'locked', backup, session: null, lockedUser: null, retryAfterMs: 0 },
});
const backup = (state: BackupStatusView['state']): BackupStatusView => ({
  state,
  lastBackupAt: null,
  lastFailedAt: null,
  dueAt: '2026-12-02T01:00:00.000Z',
  intervalDays: 7,
});

describe('backupQuitPrompt', () => {
  it('asks only when a backup is due or overdue', () => {
    expect(backupQuitPrompt(status(backup('ok')), 'zh-CN')).toBeNull();
    expect(backupQuitPrompt(status(null), 'zh-CN')).toBeNull();
    expect(backupQuitPrompt(status(backup('due')), 'zh-CN')).toEqual({
      title: '备份已到期',
      message: '备份已到期',
      detail: '应于 2026-12-02 前备份到批准的介质。退出前请在“备份与恢复”中备份。',
      buttons: ['仍然退出', '取消'],
    });
    expect(backupQuitPrompt(status(backup('overdue')), 'en-US')).toMatchObject({ message: 'The backup is overdue', buttons: ['Quit anyway', 'Cancel'] });
  });

  it('never holds up quitting when the backend cannot answer', () => {
    expect(backupQuitPrompt({ ok: false, error: { code: 'E_INTERNAL', message: 'gone' } }, 'zh-CN')).toBeNull();
  });

  it('speaks the system language, simplified Chinese by default', () => {
    expect(promptLanguage('zh-TW')).toBe('zh-TW');
    expect(promptLanguage('zh-Hant-HK')).toBe('zh-TW');
    expect(promptLanguage('en-GB')).toBe('en');
    expect(promptLanguage('zh-CN')).toBe('zh-CN');
    expect(promptLanguage('de-DE')).toBe('zh-CN');
  });
});
