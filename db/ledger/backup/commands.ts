// Backup to an approved medium, its history and schedule, and restore (db/backup/*).
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { backupName, writeBackup } from '../../backup/backup';
import { approvedMedia, highestLevelHeld, listBackups, recordBackup, requireApprovedMedium } from '../../backup/records';
import type { BackupCredentials } from '../../backup/restore';
import { command, publicCommand, recorder } from '../../command-kit';
import { MIGRATIONS } from '../../store/migrations';
import { APP_VERSION } from '../../version';
import { secretRank } from '../../domain/levels';
import { ADMIN, CUSTODIAN, empty, id, page, password, recoveryCode, REGISTER_READERS, text } from '../fields';
import { backupStatusOf } from './model';

const folder = z.string().trim().min(1).max(1000).refine(isAbsolute, 'an absolute path');
// Looser than a new account's name: the backup's accounts are matched as they were stored.
const username = z.string().trim().min(2).max(32);

export const backupCommands = {
  'backup.run': command({
    input: z.object({ mediumId: z.union([id, text(40)]), folder }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      const medium = requireApprovedMedium(ctx.db, input.mediumId);
      const started = performance.now();
      const at = new Date(Date.parse(ctx.now));
      const { path, manifest } = writeBackup({
        source: ctx.backupSource(),
        folder: input.folder,
        name: backupName(at),
        about: {
          appVersion: APP_VERSION,
          schemaVersion: MIGRATIONS.length,
          ledgerId: ctx.ledgerId,
          createdAt: ctx.now,
          createdBy: ctx.session.username,
          unitName: ctx.settings().unitName,
          medium: { id: medium.id, code: medium.code, serial: medium.serial },
        },
        onProgress: (step) => ctx.progress('backup', step),
      });
      const seconds = (performance.now() - started) / 1000;
      const name = path.slice(input.folder.replace(/[\\/]+$/, '').length + 1);
      const backupId = recordBackup(recorder(ctx), medium, input.folder, name, manifest, seconds);
      const db = manifest.files['ledger.db'];
      ctx.note({ target: medium.code, summary: { folder: input.folder, name, sha256: db.sha256, size: db.size, auditHead: manifest.auditHead } });
      return {
        id: backupId,
        path,
        name,
        medium: { id: medium.id, code: medium.code, serial: medium.serial, level: medium.level },
        counts: manifest.counts,
        auditHead: manifest.auditHead,
        sha256: db.sha256,
        size: db.size,
        seconds,
      };
    },
  }),
  'backup.list': command({
    input: z.object({ ...page }).strict(),
    roles: [...REGISTER_READERS, ...ADMIN],
    mutates: false,
    run: (ctx, input) => listBackups(ctx.db, input),
  }),
  /** The media a backup may go to, and the level the ledger holds (a medium below it is shown but refused). */
  'backup.media': command({
    input: empty,
    roles: CUSTODIAN,
    mutates: false,
    run(ctx) {
      const held = highestLevelHeld(ctx.db);
      return {
        highestLevel: held,
        media: approvedMedia(ctx.db).map((m) => ({
          id: m.id,
          code: m.code,
          serial: m.serial,
          level: m.level,
          levelSufficient: secretRank(m.level) >= secretRank(held),
        })),
      };
    },
  }),
  'backup.status': command({
    input: empty,
    roles: [...REGISTER_READERS, ...ADMIN],
    mutates: false,
    run: (ctx) => backupStatusOf(ctx.db, Date.parse(ctx.now)),
  }),
  'backup.inspect': publicCommand({
    input: z.object({ folder }).strict(),
    run: (ctx, input) => ctx.backups.inspect(input.folder),
  }),
  /** The files against their hashes; with an account of the backup (or its recovery code), the database too. */
  'backup.verify': publicCommand({
    input: z
      .object({ folder, username: username.optional(), password: password.optional(), recoveryCode: recoveryCode.optional() })
      .strict()
      .refine((i) => i.username !== undefined || (i.password === undefined && i.recoveryCode === undefined), {
        message: 'name the account',
        path: ['username'],
      })
      .refine((i) => i.username === undefined || (i.password === undefined) !== (i.recoveryCode === undefined), {
        message: 'give a password or a recovery code',
        path: ['password'],
      }),
    whenSignedIn: { roles: 'any', audited: true },
    run: (ctx, input) => ctx.backups.verify(input.folder, credentialsOf(input)),
  }),
  'backup.restore': publicCommand({
    // A password of an account in the backup, or the backup's recovery code: exactly one.
    input: z
      .object({ folder, username, password: password.optional(), recoveryCode: recoveryCode.optional() })
      .strict()
      .refine((i) => (i.password === undefined) !== (i.recoveryCode === undefined), { message: 'give a password or a recovery code', path: ['password'] }),
    // Over an open ledger only its administrator; no entry in it, since it is replaced (the restored one gets one).
    whenSignedIn: { roles: ADMIN, audited: false },
    // With nobody signed in: an administrator of the backup (by password), or the backup's recovery code.
    run: (ctx, input) => ctx.backups.restore(input.folder, credentialsOf(input)!, ADMIN),
  }),
};

/** The backup's account and its password or recovery code, as the input gives them; null for none. */
function credentialsOf(input: { username?: string | undefined; password?: string | undefined; recoveryCode?: string | undefined }): BackupCredentials | null {
  if (input.username === undefined) return null;
  if (input.password !== undefined) return { username: input.username, password: input.password };
  return input.recoveryCode !== undefined ? { username: input.username, recoveryCode: input.recoveryCode } : null;
}
