// Session slice: which gate the ledger is at (no ledger / locked / unlocked) and the actions that move it.
import { ApiError, send, subscribePush } from '../../api';
import type { LedgerStatus, PushEvent, SessionInfo } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';
import { NO_DRAFTS } from '../../store/drafts';

/** A recovery code just issued (at setup or by a recovery) that the user must store before going on. */
export interface Onboarding {
  origin: 'setup' | 'recovery';
  recoveryCode: string;
  unitName: string;
}

export interface SetupInput {
  unitName: string;
  username: string;
  displayName: string;
  password: string;
}

export interface RecoverInput {
  username: string;
  recoveryCode: string;
  newPassword: string;
}

export interface SessionSlice {
  /** null until the first ledger.status answer. */
  status: LedgerStatus | null;
  statusError: ApiError | null;
  onboarding: Onboarding | null;
  /** Why the backend last locked the ledger, for the lock screen to say (null after a manual lock). */
  lockReason: LockReason | null;
  /** Why the backend ended the last session by itself (E_CORRUPT: its integrity check found the ledger damaged). */
  endedBy: ApiError | null;
  /** The lock screen's "switch user": show the login form although a user is locked. */
  switchingUser: boolean;
  /** Epoch ms before which the backend refuses password attempts (0 when none is pending). */
  retryUntil: number;
  /** Subscribes to backend pushes and loads the status; returns the unsubscribe function. */
  connect(): () => void;
  refreshStatus(): Promise<void>;
  setupLedger(input: SetupInput): Promise<void>;
  finishOnboarding(): void;
  login(username: string, password: string): Promise<void>;
  unlock(password: string): Promise<void>;
  recover(input: RecoverInput): Promise<void>;
  lock(): Promise<void>;
  logout(): Promise<void>;
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  /** Activity ping for the backend's idle lock; throttled here so callers can fire it on every key. */
  touch(): void;
  setSwitchingUser(on: boolean): void;
}

/** A lock the user did not ask for, which the lock screen explains. */
export type LockReason = Exclude<Extract<PushEvent, { type: 'locked' }>['reason'], 'manual'>;

const TOUCH_INTERVAL_MS = 30_000;
let lastTouch = 0;

function unlockedStatus(session: SessionInfo): LedgerStatus {
  return { state: 'unlocked', backup: null, session, lockedUser: null, retryAfterMs: 0 };
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, sessionScope) => {
  /**
   * Installs a new status. Leaving the unlocked state drops everything the session had loaded (each slice's
   * registered initial state), so nothing of it stays in memory behind the lock screen; the page and the unsaved
   * drafts are kept only for the locked user.
   */
  function applyStatus(status: LedgerStatus): void {
    const leaving = status.state !== 'unlocked';
    set({
      status,
      statusError: null,
      ...(leaving ? sessionScope.endState() : { lockReason: null, endedBy: null }),
      ...(leaving && !status.lockedUser ? { page: 'overview' as const, ...NO_DRAFTS } : {}),
      ...(status.retryAfterMs > 0 ? { retryUntil: Date.now() + status.retryAfterMs } : {}),
    });
    if (status.session) get().ownDrafts(status.session.username);
  }

  /** Password attempts: remember the backend's back-off so the form can count it down. */
  async function attempt<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'E_TOO_MANY_ATTEMPTS') {
        const ms = Number(err.details?.['retryAfterMs'] ?? 0);
        set({ retryUntil: Date.now() + (Number.isFinite(ms) ? ms : 0) });
      }
      throw err;
    }
  }

  function handlePush(event: PushEvent): void {
    if (event.type === 'reminders') {
      // Counts for the signed-in user only: nothing is kept behind the lock screen.
      if (get().status?.state === 'unlocked') get().setReminders(event.counts);
      return;
    }
    if (event.type === 'backup-status') {
      if (get().status?.state === 'unlocked') get().setBackupStatus(event.status);
      return;
    }
    if (event.type === 'progress') {
      get().setBackupProgress(event.step);
      return;
    }
    if (event.type === 'locked') set({ lockReason: event.reason === 'manual' ? null : event.reason });
    if (event.type === 'logged-out' && event.error) set({ endedBy: new ApiError(event.error.code, event.error.message, event.error.details) });
    void get().refreshStatus();
  }

  return {
    status: null,
    statusError: null,
    onboarding: null,
    lockReason: null,
    endedBy: null,
    switchingUser: false,
    retryUntil: 0,

    connect() {
      const unsubscribe = subscribePush(handlePush);
      void get().refreshStatus();
      return unsubscribe;
    },

    async refreshStatus() {
      try {
        applyStatus(await send('ledger.status', {}));
      } catch (err) {
        set({ statusError: err instanceof ApiError ? err : new ApiError('E_INTERNAL', String(err)) });
      }
    },

    async setupLedger(input) {
      const { session, recoveryCode } = await send('ledger.setup', input);
      set({ onboarding: { origin: 'setup', recoveryCode, unitName: session.unitName } });
      applyStatus(unlockedStatus(session));
    },

    finishOnboarding() {
      set({ onboarding: null });
    },

    async login(username, password) {
      const session = await attempt(() => send('session.login', { username, password }));
      set({ switchingUser: false, page: 'overview' });
      applyStatus(unlockedStatus(session));
    },

    async unlock(password) {
      applyStatus(unlockedStatus(await attempt(() => send('session.unlock', { password }))));
    },

    async recover(input) {
      const { session, recoveryCode } = await attempt(() => send('session.recover', input));
      set({ switchingUser: false, onboarding: { origin: 'recovery', recoveryCode, unitName: session.unitName } });
      applyStatus(unlockedStatus(session));
    },

    async lock() {
      await send('session.lock', {});
      await get().refreshStatus();
    },

    async logout() {
      // Signing out leaves the screen: unsaved input asks first.
      if (!(await get().leave())) return;
      await send('session.logout', {});
      set({ switchingUser: false });
      await get().refreshStatus();
    },

    async changePassword(oldPassword, newPassword) {
      await send('account.changePassword', { oldPassword, newPassword });
      await get().refreshStatus();
    },

    touch() {
      const now = Date.now();
      if (get().status?.state !== 'unlocked' || now - lastTouch < TOUCH_INTERVAL_MS) return;
      lastTouch = now;
      // A failed ping needs no message: a lost session is reported through onSessionLost.
      send('session.touch', {}).catch(() => undefined);
    },

    setSwitchingUser(on) {
      set({ switchingUser: on });
    },
  };
};
