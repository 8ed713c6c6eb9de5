// 更正 of a computer's or a medium's descriptive fields entered wrong. Level and status are not corrected here: they
// have their own events (停用, 报废, a medium's change of level), with their own rules.
import { LedgerError } from '../../errors';
import type { Recorder } from '../documents/model';
import { assertUnique, insertDeviceEvent, requireComputer, requireMedium, serialKey, type MEDIUM_TYPES } from '../devices/devices';
import { assertNotDeparted } from '../devices/people';

/** The fields a correction may change, with their columns (names from this fixed map, never from input). */
export const COMPUTER_CORRECTABLE = {
  name: 'name',
  model: 'model',
  serial: 'serial',
  diskSerial: 'disk_serial',
  mac: 'mac',
  os: 'os',
  osInstalledAt: 'os_installed_at',
  purpose: 'purpose',
  department: 'department',
  responsible: 'responsible',
  location: 'location',
  remarks: 'remarks',
} as const;
export const MEDIUM_CORRECTABLE = {
  type: 'type',
  model: 'model',
  serial: 'serial',
  capacity: 'capacity',
  department: 'department',
  responsible: 'responsible',
  usageScope: 'usage_scope',
  remarks: 'remarks',
} as const;

export type ComputerCorrection = { field: keyof typeof COMPUTER_CORRECTABLE; value: string | null };
export type MediumCorrection =
  { field: Exclude<keyof typeof MEDIUM_CORRECTABLE, 'type'>; value: string } | { field: 'type'; value: (typeof MEDIUM_TYPES)[number] };

/** The rules a registration checks for the field: serials unique (compared after NFKC), the responsible not departed. */
function assertFieldValue(rec: Recorder, table: 'computers' | 'media', id: number, field: string, value: string | null, ownSerial: string): void {
  if (field === 'serial') assertUnique(rec.db, table, 'serial', value, id);
  if (field === 'diskSerial') {
    assertUnique(rec.db, table, 'disk_serial', value, id);
    if (value && serialKey(value) === serialKey(ownSerial)) throw new LedgerError('E_DUPLICATE', { field: 'disk_serial', value });
  }
  if (field === 'responsible' && value) assertNotDeparted(rec.db, [value], 'responsible');
}

function correct(
  rec: Recorder,
  device: 'computer' | 'medium',
  row: { id: number; serial: string } & Record<string, unknown>,
  column: string,
  input: { field: string; value: string | null; reason: string },
): void {
  const before = row[column] ?? null;
  const after = input.value === '' && (column === 'disk_serial' || column === 'mac' || column === 'os_installed_at') ? null : input.value;
  if (before === after) throw new LedgerError('E_VALIDATION', { field: 'change' });
  assertFieldValue(rec, device === 'computer' ? 'computers' : 'media', row.id, input.field, after, row.serial);
  rec.db.prepare(`UPDATE ${device === 'computer' ? 'computers' : 'media'} SET ${column} = ? WHERE id = ?`).run(after, row.id);
  insertDeviceEvent(rec, device, row.id, 'correct', rec.now, { field: input.field, before, after, reason: input.reason });
}

export function correctComputer(rec: Recorder, input: { id: number; reason: string } & ComputerCorrection): void {
  const pc = requireComputer(rec.db, input.id);
  correct(rec, 'computer', { ...pc }, COMPUTER_CORRECTABLE[input.field], input);
}

export function correctMedium(rec: Recorder, input: { id: number; reason: string } & MediumCorrection): void {
  const medium = requireMedium(rec.db, input.id);
  correct(rec, 'medium', { ...medium }, MEDIUM_CORRECTABLE[input.field], input);
}
