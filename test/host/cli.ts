// `npm run preview:web`: the app in a browser on this machine, for machines that cannot run Electron.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from './server';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: resolve('.preview-ledger') },
    port: { type: 'string', default: '4317' },
  },
});
const dir = resolve(values.dir!);
mkdirSync(dir, { recursive: true });
const host = await startHost({ dir, port: Number(values.port) });
console.log(`涉密载体台账 browser preview (test host, loopback only)\n  ledger folder: ${dir}\n  open: ${host.url}\nCtrl+C stops it.`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
