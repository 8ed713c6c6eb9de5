// The drafts slice against a fake backend behind window.ledger: unsaved input outlives a lock of the same user, is
// gone at logout or when another user signs in, and leaving a screen that holds some asks 放弃 / 继续编辑 first.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LedgerStatus, SessionInfo } from '../../../preload/contract';

const user = (username: string): SessionInfo => ({
  username,
  displayName: username,
  roles: ['custodian'],
  mustChangePassword: false,
  unitName: '某单位',
  idleMinutes: 10,
});
const unlocked = (username: string): LedgerStatus => ({ state: 'unlocked', backup: null, session: user(username), lockedUser: null, retryAfterMs: 0 });

let status: LedgerStatus;
const answers: Record<string, (input: { username?: string }) => unknown> = {
  'ledger.status': () => status,
  'session.login': ({ username }) => ((status = unlocked(username!)), user(username!)),
  'session.unlock': () => ((status = unlocked('zhang')), user('zhang')),
  'session.lock': () => ((status = { ...status, state: 'locked', session: null, lockedUser: { username: 'zhang', displayName: 'zhang' } }), {}),
  'session.logout': () => ((status = { ...status, state: 'locked', session: null, lockedUser: null }), {}),
};
const calls: string[] = [];
const ledger = {
  invoke: (name: string, input: { username?: string }) => {
    calls.push(name);
    const answer = answers[name];
    return Promise.resolve(answer ? { ok: true, value: answer(input) } : { ok: false, error: { code: 'E_INTERNAL', message: name } });
  },
  onPush: () => () => undefined,
};

const storage = new Map<string, string>();
vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) });
vi.stubGlobal('document', { documentElement: { lang: '' } });
vi.stubGlobal('window', { ledger });

const { createLedgerStore } = await import('./index');
let store: ReturnType<typeof createLedgerStore>;

beforeEach(async () => {
  status = unlocked('zhang');
  calls.length = 0;
  store = createLedgerStore();
  await store.getState().login('zhang', 'pw');
});

/** A form on screen with something typed in it. */
function typeInto(key: string, values: unknown = { title: '关于某某工作的通知' }) {
  store.getState().showForm(key, true);
  store.getState().keepDraft(key, values);
}

describe('drafts', () => {
  it('outlive a lock and an unlock of the same user, with the page and the dialog kept open', async () => {
    store.getState().setPage('register-received');
    typeInto('register-received');
    store.getState().keepDraft('doc-action:7', 'lend');
    // The lock unmounts the form: its draft stays.
    store.getState().showForm('register-received', false);
    await store.getState().lock();
    expect(store.getState().status?.state).toBe('locked');
    expect(store.getState().drafts).toEqual({ 'register-received': { title: '关于某某工作的通知' }, 'doc-action:7': 'lend' });
    await store.getState().unlock('pw');
    expect(store.getState().page).toBe('register-received');
    expect(store.getState().drafts['register-received']).toEqual({ title: '关于某某工作的通知' });
  });

  it('are dropped at logout, and when another user signs in', async () => {
    typeInto('register-received');
    store.getState().showForm('register-received', false);
    await store.getState().logout();
    expect(store.getState().drafts).toEqual({});

    await store.getState().login('zhang', 'pw');
    store.getState().keepDraft('register-received', { title: 'x' });
    await store.getState().lock();
    await store.getState().login('wang', 'pw');
    expect(store.getState().drafts).toEqual({});
    expect(store.getState().draftsOwner).toBe('wang');
  });

  it('leaving a screen with nothing typed goes at once and forgets the kept views', () => {
    store.getState().keepDraft('doc-action:7', 'lend');
    store.getState().showForm('lend', true);
    store.getState().openDocuments();
    expect(store.getState().page).toBe('documents');
    expect(store.getState().pendingLeave).toBeNull();
    expect(store.getState().drafts).toEqual({});
  });

  it('leaving unsaved input asks: 继续编辑 stays with every value, 放弃 goes and drops them', async () => {
    store.getState().setPage('register-received');
    typeInto('register-received');
    store.getState().setPage('overview');
    expect(store.getState().pendingLeave).not.toBeNull();
    expect(store.getState().page).toBe('register-received');

    store.getState().answerLeave(false);
    expect(store.getState().pendingLeave).toBeNull();
    expect(store.getState().page).toBe('register-received');
    expect(store.getState().drafts['register-received']).toEqual({ title: '关于某某工作的通知' });

    store.getState().openDocument(7);
    store.getState().answerLeave(true);
    expect(store.getState().page).toBe('document');
    expect(store.getState().documentId).toBe(7);
    expect(store.getState().drafts).toEqual({});
  });

  it('closing one dirty dialog asks about that dialog only; a draft of a form not on screen asks nobody', async () => {
    typeInto('register-received');
    store.getState().showForm('lend', true);
    const closed = vi.fn();
    expect(await store.getState().leave(closed, ['lend'])).toBe(true);
    expect(closed).toHaveBeenCalledOnce();
    expect(store.getState().drafts['register-received']).toBeDefined();

    store.getState().keepDraft('lend', { borrower: { name: '王五' } });
    const asked = store.getState().leave(closed, ['lend']);
    expect(store.getState().pendingLeave?.keys).toEqual(['lend']);
    store.getState().answerLeave(true);
    expect(await asked).toBe(true);
    expect(store.getState().drafts).toEqual({ 'register-received': { title: '关于某某工作的通知' } });

    store.getState().showForm('register-received', false);
    store.getState().setPage('documents');
    expect(store.getState().pendingLeave).toBeNull();
    expect(store.getState().page).toBe('documents');
  });

  it('logout with unsaved input asks first; 继续编辑 keeps the user signed in', async () => {
    typeInto('register-received');
    const out = store.getState().logout();
    store.getState().answerLeave(false);
    await out;
    expect(calls).not.toContain('session.logout');
    expect(store.getState().status?.state).toBe('unlocked');

    const again = store.getState().logout();
    store.getState().answerLeave(true);
    await again;
    expect(calls).toContain('session.logout');
    expect(store.getState().drafts).toEqual({});
  });
});
