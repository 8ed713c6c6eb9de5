import type { Migration } from '../migrate';
import { foundation } from './0001-foundation';
import { documents } from './0002-documents';
import { devices } from './0003-devices';
import { backups } from './0004-backups';
import { importSupport } from './0005-import';
import { documentKeys } from './0006-document-keys';
import { approvals } from './0007-approvals';
import { telegrams } from './0008-telegrams';
import { corrections } from './0009-corrections';
import { shortSearch } from './0010-short-search';
import { pendingReceipts } from './0011-pending-receipts';
import { register } from './0012-register';
import { stocktakes } from './0013-stocktakes';
import { statistics } from './0014-statistics';
import { awaitingReturn } from './0015-awaiting-return';
import { cabinetLevels } from './0016-cabinet-levels';
import { telegramReminders } from './0017-telegram-reminders';
import { conveyance } from './0018-conveyance';
import { publicationReviews } from './0019-publication-reviews';
import { computerChecks } from './0020-computer-checks';
import { findings } from './0021-findings';

/** Every schema change, in order. Append only: never edit or reorder a released migration. */
export const MIGRATIONS: readonly Migration[] = [
  foundation,
  documents,
  devices,
  backups,
  importSupport,
  documentKeys,
  approvals,
  telegrams,
  corrections,
  shortSearch,
  pendingReceipts,
  register,
  stocktakes,
  statistics,
  awaitingReturn,
  cabinetLevels,
  telegramReminders,
  conveyance,
  publicationReviews,
  computerChecks,
  findings,
];
