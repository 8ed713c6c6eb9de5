// The store against a fake backend behind window.ledger (the IPC boundary): what a session loaded is gone
// once the ledger locks or the user signs out, and actions send the commands the screens rely on.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput, CommandName, LedgerApi, LedgerStatus, PushEvent, SessionInfo } from '../../../preload/contract';

/** Answers per command; a command without one is refused, as an unknown command would be. */
type Answers = { [N in CommandName]?: (input: CommandInput<N>) => unknown };

class FakeLedger implements LedgerApi {
  readonly calls: { name: CommandName; input: unknown }[] = [];
  readonly capabilities = { printToPrinter: false, savePdf: false, pickFolder: false };
  private listener: ((event: PushEvent) => void) | null = null;
  constructor(private readonly answers: Answers) {}

  invoke<N extends CommandName>(name: N, input: CommandInput<N>) {
    this.calls.push({ name, input });
    const answer = this.answers[name] as ((input: CommandInput<N>) => unknown) | undefined;
    if (!answer) return Promise.resolve({ ok: false as const, error: { code: 'E_INTERNAL' as const, message: `no answer for ${name}` } });
    return Promise.resolve({ ok: true as const, value: answer(input) as never });
  }

  onPush(listener: (event: PushEvent) => void) {
    this.listener = listener;
    return () => void (this.listener = null);
  }

  push(event: PushEvent): void {
    this.listener?.(event);
  }

  names(): CommandName[] {
    return this.calls.map((c) => c.name);
  }
}

const custodian: SessionInfo = {
  username: 'zhang',
  displayName: '张保管',
  roles: ['custodian', 'auditor'],
  mustChangePassword: false,
  unitName: '某单位',
  idleMinutes: 10,
};
const unlocked: LedgerStatus = { state: 'unlocked', backup: null, session: custodian, lockedUser: null, retryAfterMs: 0 };
const locked: LedgerStatus = { state: 'locked', backup: null, session: null, lockedUser: { username: 'zhang', displayName: '张保管' }, retryAfterMs: 0 };
const signedOut: LedgerStatus = { ...locked, lockedUser: null };

const documentDetail = { id: 7, receiptNo: '2026-0007', copyList: [] };
const lentDocument = { ...documentDetail, copyList: [{ copyNo: 1, status: 'on_loan' }] };
const computer = { id: 3, code: 'JSJ-003', level: 'secret' };
const medium = { id: 4, code: 'JZ-004', level: 'secret' };

function backend(status: { current: LedgerStatus }): Answers {
  return {
    'ledger.status': () => status.current,
    'session.login': () => ((status.current = unlocked), custodian),
    'session.lock': () => ((status.current = locked), {}),
    'session.logout': () => ((status.current = signedOut), {}),
    'settings.get': () => ({ unitName: '某单位', idleMinutes: 10 }),
    'ledger.info': () => ({ documents: 1 }),
    'account.list': () => [{ username: 'zhang' }],
    'audit.list': () => ({ total: 1, rows: [{ seq: 1 }] }),
    'audit.verify': () => ({ ok: true }),
    'audit.checkPrintout': () => ({ found: true, matches: true }),
    'documents.list': () => ({ total: 1, rows: [{ id: 7 }] }),
    'documents.get': () => documentDetail,
    'documents.receive': () => documentDetail,
    'documents.lend': () => lentDocument,
    'documents.move': () => ({ copyNos: [1] }),
    'account.prefs': () => ({ documentColumns: ['receiptNo', 'title'] }),
    'locations.list': () => [{ id: 1, name: '保密柜 1' }],
    'reminders.get': () => ({ overdueLoans: 1 }),
    'computers.get': () => computer,
    'media.get': () => medium,
    'media.lend': () => ({}),
    'backup.status': () => ({ due: true }),
    'backup.list': () => ({ total: 1, rows: [{ id: 1 }] }),
    'backup.media': () => [{ id: 4 }],
    'approvals.get': () => ({ id: 5, approvalNo: 'SP-2026-0001' }),
    'approvals.list': () => [{ id: 5 }],
  };
}

// The store reads the language from localStorage and sets <html lang> when it loads: give it both, bare.
const storage = new Map<string, string>();
vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) });
vi.stubGlobal('document', { documentElement: { lang: '' } });

const { createLedgerStore } = await import('./index');
const { initialSettings } = await import('../features/settings/store');
const { initialAccounts } = await import('../features/accounts/store');
const { initialAudit } = await import('../features/audit/store');
const { initialDocuments } = await import('../features/documents/store');
const { initialDevices } = await import('../features/devices/store');
const { initialBackup } = await import('../features/backup/store');
const { initialApprovals } = await import('../features/approvals/store');

const SESSION_DATA = { ...initialSettings, ...initialAccounts, ...initialAudit, ...initialDocuments, ...initialDevices, ...initialBackup, ...initialApprovals };

let status: { current: LedgerStatus };
let ledger: FakeLedger;
let store: ReturnType<typeof createLedgerStore>;

beforeEach(() => {
  status = { current: signedOut };
  ledger = new FakeLedger(backend(status));
  vi.stubGlobal('window', { ledger });
  store = createLedgerStore();
});

/** Signs in and loads something into every slice that keeps what it loads. */
async function signInAndLoadEverything() {
  const s = store.getState();
  await s.login('zhang', 'pw');
  // One after the other: a search goes back to page 1, so the pages come after it.
  await s.loadSettings();
  await s.loadLedgerInfo();
  await s.loadAccounts();
  await s.searchAudit({ actor: 'zhang' });
  await s.loadAuditPage(2);
  await s.verifyAudit();
  await s.checkPrintout(4, 'a67ba8');
  await s.searchDocuments({ status: 'held' });
  await s.sortDocuments('title', 'asc');
  await s.loadDocumentPage(2, 50);
  await s.loadDocument(7);
  await s.loadLocations();
  await s.loadDocumentColumns();
  await s.loadReminders();
  await s.loadDevice('computer', 3);
  await s.loadDevice('medium', 4);
  await s.loadBackupStatus();
  await s.loadBackups(2);
  await s.loadBackupMedia();
  await s.loadApproval(5);
  await s.countPendingApprovals();
  s.setBackupProgress('copy');
  const loaded = store.getState();
  for (const key of Object.keys(SESSION_DATA) as (keyof typeof SESSION_DATA)[]) expect(loaded[key], key).not.toEqual(SESSION_DATA[key]);
}

function sessionData() {
  const state = store.getState();
  return Object.fromEntries(Object.keys(SESSION_DATA).map((k) => [k, state[k as keyof typeof SESSION_DATA]]));
}

describe('store: nothing of a session stays behind the lock screen', () => {
  it('a lock returns every slice to its initial state, devices included, and keeps the page for the locked user', async () => {
    await signInAndLoadEverything();
    store.getState().openDevice('computer', 3);
    await store.getState().loadDevice('computer', 3);
    await store.getState().lock();
    expect(store.getState().status).toEqual(locked);
    expect(sessionData()).toEqual(SESSION_DATA);
    expect(store.getState().computer).toBeNull();
    expect(store.getState().page).toBe('device');
  });

  it('a sign-out does the same and goes back to the overview', async () => {
    await signInAndLoadEverything();
    // A finding begun from a computer check and left open: the next one to sign in does not get it.
    store.getState().openFindings({ seed: { computerId: 3, computerCheckId: 7, description: '病毒库过期', foundOn: '2026-11-20' } });
    expect(store.getState().findingSeed).not.toBeNull();
    // Nor a review begun from a document's 公开方案.
    store.getState().openPublication({ documentId: 5, receiptNo: '2026-0005', title: '关于做好冬季安全生产工作的通知' });
    expect(store.getState().publicationSeed).not.toBeNull();
    store.getState().setPage('audit');
    await store.getState().logout();
    expect(store.getState().status).toEqual(signedOut);
    expect(sessionData()).toEqual(SESSION_DATA);
    expect(store.getState().findingSeed).toBeNull();
    expect(store.getState().publicationSeed).toBeNull();
    expect(store.getState().page).toBe('overview');
  });

  it('a lock the backend pushes (idle) clears the same and says why', async () => {
    const unsubscribe = store.getState().connect();
    await signInAndLoadEverything();
    status.current = locked;
    ledger.push({ type: 'locked', reason: 'idle' });
    await vi.waitFor(() => expect(store.getState().status).toEqual(locked));
    expect(sessionData()).toEqual(SESSION_DATA);
    expect(store.getState().lockReason).toBe('idle');
    unsubscribe();
  });

  it('a session the backend ended (its integrity check found the ledger damaged) clears the same and keeps why for the login screen', async () => {
    const unsubscribe = store.getState().connect();
    await signInAndLoadEverything();
    status.current = signedOut;
    ledger.push({ type: 'logged-out', error: { code: 'E_CORRUPT', message: 'The ledger database is damaged.', details: { check: 'page 12' } } });
    await vi.waitFor(() => expect(store.getState().status).toEqual(signedOut));
    expect(sessionData()).toEqual(SESSION_DATA);
    expect(store.getState().endedBy).toMatchObject({ code: 'E_CORRUPT', details: { check: 'page 12' } });
    await store.getState().login('zhang', 'pw');
    expect(store.getState().endedBy).toBeNull();
    unsubscribe();
  });

  it('pushed reminders are not kept while nobody is signed in', async () => {
    const unsubscribe = store.getState().connect();
    await vi.waitFor(() => expect(store.getState().status).toEqual(signedOut));
    ledger.push({ type: 'reminders', counts: { overdueLoans: 2 } as never });
    expect(store.getState().reminders).toBeNull();
    unsubscribe();
  });
});

describe('store: actions go through window.ledger', () => {
  it('registering an item is one round trip that answers it with its new 收文编号', async () => {
    await store.getState().login('zhang', 'pw');
    ledger.calls.length = 0;
    const registered = await store.getState().registerDocument({ origin: 'received', input: { title: '通知' } as never });
    expect(registered).toMatchObject({ id: 7, receiptNo: '2026-0007' });
    expect(ledger.calls).toEqual([{ name: 'documents.receive', input: { title: '通知' } }]);
  });

  it('a lend shows the item as the reply has it, without fetching it again', async () => {
    await store.getState().login('zhang', 'pw');
    await store.getState().loadDocument(7);
    ledger.calls.length = 0;
    await store.getState().runDocumentCommand('documents.lend', { documentId: 7 } as never);
    expect(ledger.names()).toEqual(['documents.lend']);
    expect(store.getState().document).toEqual(lentDocument);
  });

  it('a command that answers less reloads the item shown', async () => {
    await store.getState().login('zhang', 'pw');
    await store.getState().loadDocument(7);
    ledger.calls.length = 0;
    await store.getState().runDocumentCommand('documents.move', { documentId: 7 } as never);
    expect(ledger.names()).toEqual(['documents.move', 'documents.get']);
  });

  it('reminder counts come by push; they are fetched only while the session has none yet', async () => {
    const unsubscribe = store.getState().connect();
    await store.getState().login('zhang', 'pw');
    ledger.push({ type: 'reminders', counts: { overdueLoans: 2 } as never });
    expect(store.getState().reminders).toEqual({ overdueLoans: 2 });
    await store.getState().loadReminders();
    expect(ledger.names()).not.toContain('reminders.get');
    await store.getState().lock();
    await store.getState().login('zhang', 'pw');
    await store.getState().loadReminders();
    expect(ledger.names()).toContain('reminders.get');
    unsubscribe();
  });

  it('a command on the device shown reloads it', async () => {
    await store.getState().login('zhang', 'pw');
    store.getState().openDevice('medium', 4);
    ledger.calls.length = 0;
    await store.getState().runDeviceCommand('media.lend', { id: 4 } as never);
    expect(ledger.names()).toEqual(['media.lend', 'media.get']);
    expect(store.getState().medium).toEqual(medium);
  });

  it('a refused command throws the backend code and changes nothing', async () => {
    await store.getState().login('zhang', 'pw');
    await expect(store.getState().runDeviceCommand('computers.repair', { id: 3 } as never)).rejects.toMatchObject({ name: 'ApiError', code: 'E_INTERNAL' });
    expect(store.getState().computer).toBeNull();
  });
});
