// Calendar dates between antd's pickers (dayjs) and the backend (ISO YYYY-MM-DD, local days).
import dayjs, { type Dayjs } from 'dayjs';

export function isoDate(d: Dayjs): string {
  return d.format('YYYY-MM-DD');
}

/**
 * When an event happened, for a command's `at`: nothing for today (the backend then records the time to
 * the second), the date for an earlier day being registered late.
 */
export function eventDate(d: Dayjs | null | undefined): string | undefined {
  return d && !d.isSame(dayjs(), 'day') ? isoDate(d) : undefined;
}
