// A process that drives one ledger folder through the service, as the CLI and the app do, and prints one JSON line
// per thing it was told it did: the fault tests kill it, race it against others, and measure its memory.
//   register-loop '{"dir":D,"prefix":P,"max":N}'  sign in, then register documents one by one; prints {"ack":docNumber}
//                                                  only after documents.receive answered ok (the write is committed)
//   steps '{"dir":D,"steps":[{"name","input","file"?}],"waitGo"?,"hold"?}'
//                                                  runs each command and prints {"step":i,"result":...}; with waitGo
//                                                  it starts when "go" arrives on stdin (so racers start together),
//                                                  with hold it keeps the ledger open until "close" arrives; "file"
//                                                  puts that file's bytes, base64, into input.data. Ends with the
//                                                  process's peak resident memory: {"peakRssMb":n}
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { LedgerService } from '../../../db/service';
import { ADMIN, TEST_KDF } from '../../../db/testing';

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const [mode, json] = process.argv.slice(2);
const args = JSON.parse(json ?? '{}') as Record<string, unknown>;
const stdinLines = createInterface({ input: process.stdin });
const nextLine = (want: string) => new Promise<void>((resolve) => stdinLines.on('line', (l) => l.trim() === want && resolve()));

interface Step {
  name: string;
  input: Record<string, unknown>;
  file?: string;
}

const service = new LedgerService({ dir: String(args.dir), kdf: TEST_KDF });

if (mode === 'register-loop') {
  const login = service.invoke('session.login', { username: ADMIN.username, password: ADMIN.password });
  say({ ready: login.ok, pid: process.pid, ...(login.ok ? {} : { error: login.error }) });
  const day = new Date().toISOString().slice(0, 10);
  for (let n = 1; login.ok && n <= Number(args.max ?? 2000); n += 1) {
    const docNumber = `${String(args.prefix)}-${n}`;
    const r = service.invoke('documents.receive', {
      receivedAt: day,
      issueDate: day,
      originUnit: '省国家保密局',
      docNumber,
      title: `故障测试第${n}件`,
      marking: '机密★10年',
      copies: 1,
      scope: ['办公室'],
      locationId: 1,
      signedBy: '李明',
    });
    say(r.ok ? { ack: docNumber } : { refused: docNumber, error: r.error });
    if (!r.ok) break;
  }
  service.close();
} else if (mode === 'steps') {
  say({ loaded: true, pid: process.pid });
  if (args.waitGo) await nextLine('go');
  for (const [i, step] of (args.steps as Step[]).entries()) {
    const input = step.file ? { ...step.input, data: readFileSync(step.file).toString('base64') } : step.input;
    say({ step: i, name: step.name, result: await service.invokeAsync(step.name, input) });
  }
  if (args.hold) {
    say({ holding: true });
    await nextLine('close');
  }
  service.close();
  say({ peakRssMb: process.resourceUsage().maxRSS / 1024 });
} else {
  throw new Error(`unknown mode ${mode}`);
}
stdinLines.close();
