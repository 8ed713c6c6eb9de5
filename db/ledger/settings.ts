import { z } from 'zod';
import { get, run, sql, type Db } from '../store/sql';
import { BASE_POLICY } from '../auth/passwords';
import { DEFAULT_RECEIPT_NO_FORMAT, RECEIPT_NO_RULE } from '../domain/receipt';
import type { LedgerSettings } from '../views';

const DEFAULT_IDLE_MINUTES = 10;
const DEFAULT_BACKUP_INTERVAL_DAYS = 7;
/** A compliant shredder takes 机密 / 秘密 in small quantities only: copies per destruction batch. */
const DEFAULT_SHREDDER_MAX_COPIES = 10;
const DEFAULT_APPROVAL_VALID_DAYS = 30;
/** domain.md: a yearly full inventory by default; units set 绝密 and 机密 shorter. */
const DEFAULT_STOCKTAKE_CADENCE = { top_secret: 12, secret: 12, confidential: 12 };
const cadenceMonths = z.number().int().min(1).max(24);
/** A computer checked monthly (病毒查杀, 系统升级, 违规外联检查, 保密检查) unless the unit sets another interval. */
const DEFAULT_COMPUTER_CHECK_INTERVAL_DAYS = 30;

export const settingsSchema = z.object({
  unitName: z.string().trim().min(1).max(100),
  idleMinutes: z.number().int().min(1).max(240),
  passwordPolicy: z.object({
    minLength: z.number().int().min(BASE_POLICY.minLength).max(64),
    requireMixedCase: z.boolean(),
    requireSymbol: z.boolean(),
  }),
  receiptNoFormat: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .refine((f) => RECEIPT_NO_RULE.test(f), 'must contain {seq} or {seq:N}'),
  reminderDays: z.number().int().min(1).max(365),
  /** Days between backups before the reminders say one is due. */
  backupIntervalDays: z.number().int().min(1).max(90),
  /** The most copies of 机密 / 秘密 one destruction batch may put through the unit's shredder. */
  shredderMaxCopies: z.number().int().min(1).max(1000),
  /** Days a transmission may wait for its 回执 before the reminders name it. */
  receiptReminderDays: z.number().int().min(1).max(365),
  /** Years before the current one a registration by hand may be dated without a 补登 reason. */
  lateEntryYears: z.number().int().min(0).max(50),
  /** Days an approval stays usable after its decision. */
  approvalValidDays: z.number().int().min(1).max(365),
  /** Months between stocktakes of a cabinet, by the most secret level it holds (the stocktakeDue reminder). */
  stocktakeCadenceMonths: z.object({ top_secret: cadenceMonths, secret: cadenceMonths, confidential: cadenceMonths }).strict(),
  /** Days between a computer's checks of each kind (病毒查杀, 系统升级 ...) before the reminders name it. */
  computerCheckIntervalDays: z.number().int().min(1).max(365),
});

const KEYS = {
  unitName: 'unit_name',
  idleMinutes: 'idle_minutes',
  passwordPolicy: 'password_policy',
  receiptNoFormat: 'receipt_no_format',
  reminderDays: 'reminder_days',
  backupIntervalDays: 'backup_interval_days',
  shredderMaxCopies: 'shredder_max_copies',
  receiptReminderDays: 'receipt_reminder_days',
  lateEntryYears: 'late_entry_years',
  approvalValidDays: 'approval_valid_days',
  stocktakeCadenceMonths: 'stocktake_cadence_months',
  computerCheckIntervalDays: 'computer_check_interval_days',
} as const;

export function defaultSettings(unitName: string): LedgerSettings {
  return {
    unitName,
    idleMinutes: DEFAULT_IDLE_MINUTES,
    passwordPolicy: { ...BASE_POLICY },
    receiptNoFormat: DEFAULT_RECEIPT_NO_FORMAT,
    reminderDays: 30,
    shredderMaxCopies: DEFAULT_SHREDDER_MAX_COPIES,
    receiptReminderDays: 14,
    backupIntervalDays: DEFAULT_BACKUP_INTERVAL_DAYS,
    lateEntryYears: 1,
    approvalValidDays: DEFAULT_APPROVAL_VALID_DAYS,
    stocktakeCadenceMonths: { ...DEFAULT_STOCKTAKE_CADENCE },
    computerCheckIntervalDays: DEFAULT_COMPUTER_CHECK_INTERVAL_DAYS,
  };
}

export function readSettings(db: Db): LedgerSettings {
  const read = (key: string): unknown => {
    const row = get<{ value: string }>(db, sql`SELECT value FROM settings WHERE key = ${key}`);
    return row ? JSON.parse(row.value) : undefined;
  };
  const stored = Object.fromEntries(Object.entries(KEYS).map(([name, key]) => [name, read(key)]));
  return settingsSchema.parse({ ...defaultSettings(''), ...Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined)) });
}

export function writeSettings(db: Db, change: Partial<LedgerSettings>): void {
  for (const [name, value] of Object.entries(change) as [keyof LedgerSettings, unknown][]) {
    if (value === undefined) continue;
    run(
      db,
      sql`INSERT INTO settings (key, value) VALUES (${KEYS[name]}, ${JSON.stringify(value)})
                ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }
}
