// The typed surface the renderer sees as window.ledger. Types only: nothing of db/ runs in the renderer.
import type { CommandName, CommandInput, CommandOutput } from '../db/commands';
import type { LedgerErrorShape } from '../db/errors';
import type { PushEvent, ToBackend, FromBackend, InvokeResult } from '../db/process-protocol';

export type { CommandName, CommandInput, CommandOutput, LedgerErrorShape, PushEvent, ToBackend, FromBackend, InvokeResult };
export type { ErrorCode } from '../db/errors';
export type { Role, SessionInfo, AccountView, LedgerSettings, AuditEntryView, AuditVerifyView, LedgerStatus, LevelCode, CopyStatusCode, LocationView, CopyCounts, DocumentListItem, CopyView, DocumentEventView, DocumentDetail, ReminderCounts, DeviceLevelCode, ComputerView, MediumView, DeviceEventView, MediaUsageView } from '../db/views';

export type Result<T> = { ok: true; value: T } | { ok: false; error: LedgerErrorShape };

export interface LedgerApi {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
  /** Subscribes to backend pushes (lock, reminders); returns the unsubscribe function. */
  onPush(listener: (event: PushEvent) => void): () => void;
}

export { INVOKE_CHANNEL, PUSH_CHANNEL } from './channels';

declare global {
  interface Window {
    ledger: LedgerApi;
  }
}
