import dayjs from 'dayjs';
import type { Language } from '../i18n';
import { isoDate } from './dates';

/** A moment as the registers write it, in every language: ISO date and a 24-hour time in local time. */
export function formatDateTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm:ss');
}

/** A day as the registers write it, in every language: ISO (2026-12-08, never 12/08/2026 or December 8, 2026). */
export function formatDate(date: Date): string {
  return isoDate(dayjs(date));
}

/** An event's time as registers show it: a date as is, a date-time to the minute in local time. */
export function formatAt(at: string, language: Language): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${date} ${new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d)}`;
}
