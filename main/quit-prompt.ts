// Whether quitting should first remind that a backup is due: decided from the backend's public status, in the
// language of the system (main has no i18n of its own; these few lines are all it says).
import type { InvokeResult, LedgerStatus } from '../preload/contract';

export interface QuitPrompt {
  title: string;
  message: string;
  detail: string;
  /** [quit anyway, cancel]: index 1 is the default and the cancel button. */
  buttons: [string, string];
}

const TEXT = {
  'zh-CN': {
    title: '备份已到期',
    due: '备份已到期',
    overdue: '备份已逾期',
    detail: '应于 {due} 前备份到批准的介质。退出前请在“备份与恢复”中备份。',
    quit: '仍然退出',
    cancel: '取消',
  },
  'zh-TW': {
    title: '備份已到期',
    due: '備份已到期',
    overdue: '備份已逾期',
    detail: '應於 {due} 前備份到核准的媒體。退出前請在「備份與還原」中備份。',
    quit: '仍然退出',
    cancel: '取消',
  },
  en: {
    title: 'Backup due',
    due: 'A backup is due',
    overdue: 'The backup is overdue',
    detail: 'It was due by {due} to an approved medium. Back up under "Backup & restore" before quitting.',
    quit: 'Quit anyway',
    cancel: 'Cancel',
  },
} as const;

export function promptLanguage(locale: string): keyof typeof TEXT {
  if (/^zh[-_](TW|HK|MO|Hant)/i.test(locale)) return 'zh-TW';
  return /^en\b/i.test(locale) ? 'en' : 'zh-CN';
}

/** The prompt when the status says a backup is due or overdue; null (quit at once) otherwise or when the backend cannot tell. */
export function backupQuitPrompt(result: InvokeResult, locale: string): QuitPrompt | null {
  if (!result.ok) return null;
  const backup = (result.value as LedgerStatus).backup;
  if (!backup || backup.state === 'ok') return null;
  const text = TEXT[promptLanguage(locale)];
  return { title: text.title, message: text[backup.state], detail: text.detail.replace('{due}', backup.dueAt.slice(0, 10)), buttons: [text.quit, text.cancel] };
}
