// What the backend tells the UI without being asked: reminder counts and whether a backup is due, each sent when it
// changes; and the idle lock. The hosts call tick() every few seconds.
import { dayOf, reminderCounts } from '../ledger/documents/queries';
import { pendingFor } from '../ledger/approvals/records';
import { backupStatusOf } from '../ledger/backup/model';
import { REGISTER_READERS } from '../ledger/fields';
import { readSettings } from '../ledger/settings';
import type { PushEvent } from '../process-protocol';
import type { Sessions } from './sessions';

/** How often the idle tick also looks for reminders that changed with time alone (a loan becoming overdue). */
const REMINDER_CHECK_MS = 60_000;

export class Pushes {
  private lastReminders = '';
  private lastReminderCheck = 0;
  private lastBackupStatus = '';
  private dirty = false;

  constructor(
    private readonly sessions: Sessions,
    private readonly clock: () => number,
    private readonly push: (event: PushEvent) => void,
  ) {}

  /** A new session has been sent nothing yet. */
  reset(): void {
    this.lastReminders = '';
    this.lastBackupStatus = '';
    this.lastReminderCheck = 0;
  }

  /** A command wrote: counted on the next tick, not now, so a command's latency does not pay for the dashboard. */
  written(): void {
    this.dirty = true;
  }

  /** Locks when the user has been idle longer than the setting; otherwise sends what changed. */
  tick(): void {
    const { session, ledger } = this.sessions;
    if (!session || !ledger) return;
    if (this.sessions.idleMs() >= readSettings(ledger.db).idleMinutes * 60_000) {
      this.sessions.lock('idle');
      return;
    }
    if (this.dirty || this.clock() - this.lastReminderCheck >= REMINDER_CHECK_MS) {
      this.pushBackupStatus();
      this.pushReminders();
    }
  }

  private pushBackupStatus(): void {
    const { ledger } = this.sessions;
    if (!ledger) return;
    const status = backupStatusOf(ledger.db, this.clock());
    const key = JSON.stringify(status);
    if (key === this.lastBackupStatus) return;
    this.lastBackupStatus = key;
    this.push({ type: 'backup-status', status });
  }

  /** The reminder counts, to those who read the registers (an approver's with the requests waiting for them). */
  private pushReminders(): void {
    const { session, ledger } = this.sessions;
    if (!session || !ledger || !session.roles.some((r) => REGISTER_READERS.includes(r))) return;
    this.lastReminderCheck = this.clock();
    this.dirty = false;
    const counts = {
      ...reminderCounts(ledger.db, dayOf(this.clock(), readSettings(ledger.db).reminderDays)),
      approvalsPending: pendingFor(ledger.db, session),
    };
    const key = JSON.stringify(counts);
    if (key === this.lastReminders) return;
    this.lastReminders = key;
    this.push({ type: 'reminders', counts });
  }
}
