// The backend as an Electron utilityProcess: started by main/ by path, spoken to only through messages.
import { LedgerService } from './service';
import { toLedgerError } from './errors';
import type { FromBackend, ToBackend } from './process-protocol';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: FromBackend): void;
}

const IDLE_CHECK_MS = 5_000;

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('db/process.ts runs only as an Electron utilityProcess; use db/cli.ts from a shell.');
  process.exit(2);
}
const port: ParentPort = parentPort;

const dir = argValue('--dir');
if (!dir) {
  port.postMessage({ type: 'fatal', error: { code: 'E_INTERNAL', message: 'The backend was started without --dir.' } });
  process.exit(2);
}

const service = new LedgerService({
  dir,
  ...(process.env.LEDGER_NATIVE_BINDING ? { nativeBinding: process.env.LEDGER_NATIVE_BINDING } : {}),
  onPush: (event) => port.postMessage({ type: 'push', event }),
});
const idleTimer = setInterval(() => service.tick(), IDLE_CHECK_MS);

port.on('message', ({ data }) => {
  const msg = data as ToBackend;
  switch (msg.type) {
    case 'invoke':
      void service.invokeAsync(msg.name, msg.input).then((result) => port.postMessage({ type: 'result', id: msg.id, result }));
      break;
    case 'system-lock':
      service.lock('system');
      break;
    case 'shutdown':
      clearInterval(idleTimer);
      try {
        service.close();
      } catch (err) {
        port.postMessage({ type: 'fatal', error: toLedgerError(err).toJSON() });
      }
      process.exit(0);
  }
});

port.postMessage({ type: 'ready' });
