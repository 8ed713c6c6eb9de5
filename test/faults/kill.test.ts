// Power loss, as near as a test gets to it: a worker registers documents one by one and is killed with SIGKILL (its
// whole process group) at a random moment. Whatever it was told was registered must be there afterwards, the file
// must pass integrity_check, and the audit chain must verify; the next round opens the same folder again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gone, look, newFolder, random, scratch, SEED, sized, sleep, startWorker, type Folder } from './harness';

const ROUNDS = sized(20, 4);
let space: ReturnType<typeof scratch>;
let folder: Folder;

beforeAll(() => {
  space = scratch('kill');
  folder = newFolder(`${space.root}/ledger`);
});
afterAll(() => space.remove());

describe(`SIGKILL of a registration loop (${ROUNDS} rounds, seed ${SEED})`, () => {
  it('keeps every acknowledged registration, an intact file and an intact audit chain', { timeout: ROUNDS * 20_000 }, async () => {
    const next = random();
    const acknowledged: string[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const worker = startWorker('register-loop', { dir: folder.dir, prefix: `R${round}` });
      const ready = await worker.waitFor((l) => 'ready' in l, 15_000);
      expect(ready, `round ${round}: the worker could not open the ledger the previous round left`).toMatchObject({ ready: true });
      // Anywhere from the first write to well into the loop: inside a transaction, between two, in a checkpoint.
      await sleep(Math.floor(next() * 1200));
      worker.killGroup();
      expect(await worker.exited).toMatchObject({ signal: 'SIGKILL' });
      expect(await gone(Number(ready.pid)), `round ${round}: the writer outlived its process group`).toBe(true);

      acknowledged.push(...worker.lines.filter((l) => 'ack' in l).map((l) => String(l.ack)));
      expect(
        worker.lines.filter((l) => 'refused' in l),
        `round ${round}`,
      ).toEqual([]);
      const after = look(folder);
      expect(after.integrity, `round ${round}`).toBe('ok');
      expect(after.chain, `round ${round}`).toMatchObject({ intact: true });
      expect(
        acknowledged.filter((d) => !after.docNumbers.has(d)),
        `round ${round}: acknowledged but lost`,
      ).toEqual([]);
      // Each registration is committed with its audit entry: never a document without its entry.
      expect(after.audit.filter((a) => a.action === 'documents.receive').length, `round ${round}`).toBe(after.docNumbers.size);
    }
    expect(acknowledged.length, 'the kills came too early to prove anything: no registration was acknowledged').toBeGreaterThan(0);
  });
});
