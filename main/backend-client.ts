// Main's side of the backend utilityProcess: numbers each invoke, matches results to callers,
// forwards pushes, restarts a crashed backend once, and stops it on quit. No electron import:
// index.ts passes a spawn function that forks the real process; tests pass a fake.
import type { FromBackend, InvokeResult, PushEvent, ToBackend } from '../preload/contract';

/** The part of Electron's UtilityProcess the client uses. */
export interface BackendProcess {
  postMessage(message: ToBackend): void;
  on(event: 'message', listener: (message: FromBackend) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendClient {
  invoke(name: string, input: unknown): Promise<InvokeResult>;
  /** The OS locked the screen or is suspending: the backend locks the ledger. */
  systemLock(): void;
  /** Asks the backend to close the ledger, kills it after `graceMs`; resolves once it is gone. */
  shutdown(graceMs: number): Promise<void>;
}

export interface BackendOptions {
  spawn: () => BackendProcess;
  onPush: (event: PushEvent) => void;
  /** How many unexpected exits are answered with a fresh backend. */
  restarts: number;
  log?: (message: string) => void;
}

function internalError(message: string): InvokeResult {
  return { ok: false, error: { code: 'E_INTERNAL', message } };
}

export function startBackend({ spawn, onPush, restarts, log = console.error }: BackendOptions): BackendClient {
  const pending = new Map<number, (result: InvokeResult) => void>();
  let nextId = 1;
  let restartsLeft = restarts;
  let current: BackendProcess | null = null;
  let stopping = false;
  let stopped: Promise<void> | null = null;
  let onStopped = (): void => {};

  function settleAll(result: InvokeResult): void {
    for (const resolve of pending.values()) resolve(result);
    pending.clear();
  }

  function launch(): void {
    const proc = spawn();
    current = proc;
    let ready = false;
    proc.on('message', (message) => {
      if (proc !== current) return;
      switch (message.type) {
        case 'ready':
          ready = true;
          break;
        case 'result': {
          const resolve = pending.get(message.id);
          pending.delete(message.id);
          resolve?.(message.result);
          break;
        }
        case 'push':
          onPush(message.event);
          break;
        case 'fatal':
          log(`ledger backend failed: ${message.error.code} ${message.error.message}`);
          settleAll({ ok: false, error: message.error });
          break;
      }
    });
    proc.on('exit', (code) => {
      if (proc !== current) return;
      current = null;
      settleAll(internalError('The ledger backend stopped.'));
      if (stopping) {
        onStopped();
        return;
      }
      log(`ledger backend exited unexpectedly (code ${code})`);
      // A new backend holds no session: send the renderer back to sign-in instead of letting it
      // discover that on its next command.
      if (ready) onPush({ type: 'logged-out' });
      if (restartsLeft > 0) {
        restartsLeft -= 1;
        launch();
      }
    });
  }

  launch();

  return {
    invoke(name, input) {
      const proc = current;
      if (proc === null || stopping) return Promise.resolve(internalError('The ledger backend is not running.'));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        proc.postMessage({ type: 'invoke', id, name, input });
      });
    },

    systemLock() {
      if (!stopping) current?.postMessage({ type: 'system-lock' });
    },

    shutdown(graceMs) {
      if (stopped) return stopped;
      stopping = true;
      const proc = current;
      if (proc === null) return (stopped = Promise.resolve());
      stopped = new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          proc.kill();
          resolve();
        }, graceMs);
        onStopped = () => {
          clearTimeout(timer);
          resolve();
        };
        proc.postMessage({ type: 'shutdown' });
      });
      return stopped;
    },
  };
}
