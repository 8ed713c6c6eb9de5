import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromBackend, PushEvent, ToBackend } from '../preload/contract';
import { startBackend, type BackendProcess } from './backend-client';

class FakeProcess extends EventEmitter implements BackendProcess {
  readonly sent: ToBackend[] = [];
  killed = false;
  postMessage(message: ToBackend): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
  reply(message: FromBackend): void {
    this.emit('message', message);
  }
  invokes(): Extract<ToBackend, { type: 'invoke' }>[] {
    return this.sent.filter((m): m is Extract<ToBackend, { type: 'invoke' }> => m.type === 'invoke');
  }
}

function setup(restarts = 1) {
  const procs: FakeProcess[] = [];
  const pushes: PushEvent[] = [];
  const logs: string[] = [];
  const client = startBackend({
    spawn: () => {
      const proc = new FakeProcess();
      procs.push(proc);
      return proc;
    },
    onPush: (event) => pushes.push(event),
    restarts,
    log: (message) => logs.push(message),
  });
  return { client, procs, pushes, logs, proc: () => procs[procs.length - 1]! };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('startBackend', () => {
  it('forwards invokes with distinct ids and matches results out of order', async () => {
    const { client, proc } = setup();
    const a = client.invoke('ledger.status', {});
    const b = client.invoke('session.login', { username: 'admin', password: 'pw' });
    const [first, second] = proc().invokes();
    expect(first).toEqual({ type: 'invoke', id: first!.id, name: 'ledger.status', input: {} });
    expect(second!.id).not.toBe(first!.id);
    proc().reply({ type: 'result', id: second!.id, result: { ok: true, value: 'b' } });
    proc().reply({ type: 'result', id: first!.id, result: { ok: true, value: 'a' } });
    expect(await a).toEqual({ ok: true, value: 'a' });
    expect(await b).toEqual({ ok: true, value: 'b' });
  });

  it('ignores results nobody waits for', async () => {
    const { client, proc } = setup();
    proc().reply({ type: 'result', id: 999, result: { ok: true, value: null } });
    const p = client.invoke('ledger.status', {});
    proc().reply({ type: 'result', id: proc().invokes()[0]!.id, result: { ok: true, value: 1 } });
    expect(await p).toEqual({ ok: true, value: 1 });
  });

  it('relays pushes and system locks', () => {
    const { client, proc, pushes } = setup();
    proc().reply({ type: 'push', event: { type: 'locked', reason: 'idle' } });
    expect(pushes).toEqual([{ type: 'locked', reason: 'idle' }]);
    client.systemLock();
    expect(proc().sent).toContainEqual({ type: 'system-lock' });
  });

  it('answers waiting calls with the backend fatal error', async () => {
    const { client, proc, logs } = setup();
    const p = client.invoke('ledger.status', {});
    proc().reply({ type: 'fatal', error: { code: 'E_IO', message: 'cannot load the native binding' } });
    expect(await p).toEqual({ ok: false, error: { code: 'E_IO', message: 'cannot load the native binding' } });
    expect(logs.join('\n')).toContain('E_IO');
  });

  it('fails pending calls with E_INTERNAL when the backend dies, restarts it once, then gives up', async () => {
    const { client, procs, proc, pushes } = setup(1);
    proc().reply({ type: 'ready' });
    const lost = client.invoke('audit.list', {});
    procs[0]!.emit('exit', 9);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(pushes).toEqual([{ type: 'logged-out' }]);
    expect(procs).toHaveLength(2);

    // The new backend serves calls; late messages from the dead one are ignored.
    const next = client.invoke('ledger.status', {});
    procs[0]!.emit('message', { type: 'result', id: 1, result: { ok: true, value: 'stale' } } satisfies FromBackend);
    expect(procs[1]!.invokes()).toHaveLength(1);
    procs[1]!.reply({ type: 'result', id: procs[1]!.invokes()[0]!.id, result: { ok: true, value: 'fresh' } });
    expect(await next).toEqual({ ok: true, value: 'fresh' });

    procs[1]!.emit('exit', 9);
    expect(procs).toHaveLength(2);
    expect(await client.invoke('ledger.status', {})).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
  });

  it('does not announce a logout when the backend died before it was ready', () => {
    const { procs, pushes } = setup(1);
    procs[0]!.emit('exit', 1);
    expect(pushes).toEqual([]);
    expect(procs).toHaveLength(2);
  });

  it('shuts down gracefully: asks, waits for the exit, does not restart', async () => {
    const { client, procs, proc } = setup();
    const pendingCall = client.invoke('ledger.status', {});
    const done = client.shutdown(5_000);
    expect(proc().sent).toContainEqual({ type: 'shutdown' });
    expect(client.shutdown(5_000)).toBe(done);
    proc().emit('exit', 0);
    await done;
    expect(await pendingCall).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(procs).toHaveLength(1);
    expect(procs[0]!.killed).toBe(false);
    expect(await client.invoke('ledger.status', {})).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
  });

  it('kills a backend that does not exit within the grace period', async () => {
    vi.useFakeTimers();
    const { client, proc } = setup();
    const done = client.shutdown(2_000);
    vi.advanceTimersByTime(1_999);
    expect(proc().killed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(proc().killed).toBe(true);
    await done;
  });
});
