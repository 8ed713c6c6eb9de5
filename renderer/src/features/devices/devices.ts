// The device registers' vocabulary on the renderer side (涉密 / 非涉密 计算机 and 移动存储介质): the levels come from
// the domain core; the other enums are typed from the contract, so that a value added there fails the type check
// here until it is placed.
import type { ComputerView, DeviceLevelCode, MediaUsageView, MediumView } from '../../../../preload/contract';

/** Highest first: a device is registered at one of DEVICE_LEVELS, data on it may be of any level (DATA_LEVELS). */
export { CLASSIFIED_LEVELS, DEVICE_LEVELS, LEVELS as DATA_LEVELS } from '../../../../db/domain/levels';

const keys = <K extends string>(present: Record<K, true>) => Object.keys(present) as K[];

export type Network = ComputerView['network'];
export type MediumType = MediumView['type'];
export type ComputerStatus = ComputerView['status'];
export type MediumStatus = MediumView['status'];
export type DataLevel = MediaUsageView['dataLevel'];
export type DeviceKind = 'computer' | 'medium';

export const NETWORKS = keys<Network>({ standalone: true, classified_intranet: true, egov_extranet: true, internet: true });
export const MEDIUM_TYPES = keys<MediumType>({ usb: true, hdd: true, disc: true, card: true, tape: true });
export const COMPUTER_STATUSES = keys<ComputerStatus>({ in_use: true, stopped: true, repair: true, scrapped: true, destroyed: true });
export const MEDIUM_STATUSES = keys<MediumStatus>({ in_use: true, stopped: true, scrapped: true, destroyed: true });

/** The kinds of history events the backend writes (db/ledger/devices/operations.ts). */
export const DEVICE_EVENT_KINDS = [
  'enable',
  'change',
  'repair',
  'repair_back',
  'stop',
  'scrap',
  'destroy',
  'lend',
  'return',
  'correct',
  'backup',
  'inventory',
] as const;
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];

export function isDeviceEventKind(kind: string): kind is DeviceEventKind {
  return (DEVICE_EVENT_KINDS as readonly string[]).includes(kind);
}

/** The four registers of the menu. */
export type DeviceRegister = 'secret-computers' | 'plain-computers' | 'secret-media' | 'plain-media';
export function registerOf(register: DeviceRegister): { kind: DeviceKind; classified: boolean } {
  return { kind: register.endsWith('computers') ? 'computer' : 'medium', classified: register.startsWith('secret') };
}

export function registerFor(kind: DeviceKind, level: DeviceLevelCode): DeviceRegister {
  const classified = level !== 'non_secret';
  return kind === 'computer' ? (classified ? 'secret-computers' : 'plain-computers') : classified ? 'secret-media' : 'plain-media';
}

export const DEVICE_LEVEL_COLORS: Record<DeviceLevelCode, string> = { top_secret: '#a8071a', secret: 'red', confidential: 'orange', non_secret: 'default' };
export const DEVICE_STATUS_COLORS: Record<ComputerStatus, string> = {
  in_use: 'green',
  stopped: 'default',
  repair: 'gold',
  scrapped: 'default',
  destroyed: 'default',
};
