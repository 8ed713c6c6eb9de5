// Where an item may be kept: the one rule every placement in the backend enforces and every cabinet picker shows.
import type { ErrorDetails } from './errors/codes';
import { levelFits, type DocumentLevel } from './levels';

/** What the rule reads of a storage location (保密柜). */
export interface Cabinet {
  code: string;
  /** The highest level it may hold. */
  maxLevel: DocumentLevel;
  /** 电报专柜: holds 密码电报 / 级发电, and nothing else. */
  telegrams: boolean;
}

/** What the rule reads of the item to be kept; what is not known yet (null or left out) is not checked. */
export interface Keeping {
  level?: DocumentLevel | null;
  telegram?: boolean;
}

export type CabinetRefusal =
  { code: 'E_LOCATION_LEVEL'; details: ErrorDetails['E_LOCATION_LEVEL'] } | { code: 'E_TELEGRAM'; details: ErrorDetails['E_TELEGRAM'] };

/**
 * Why this cabinet may not hold the item, or null when it may: no item above the highest level the cabinet states
 * (绝密 only in a 专柜 for 绝密); telegrams kept apart, only in a 电报专柜, which holds nothing else.
 */
export function cabinetRefusal(cabinet: Cabinet, item: Keeping): CabinetRefusal | null {
  if (item.level && !levelFits(item.level, cabinet.maxLevel)) {
    return { code: 'E_LOCATION_LEVEL', details: { location: cabinet.code, maxLevel: cabinet.maxLevel, level: item.level } };
  }
  if (item.telegram !== undefined && item.telegram !== cabinet.telegrams) {
    return { code: 'E_TELEGRAM', details: { rule: item.telegram ? 'telegram_location' : 'document_location', location: cabinet.code } };
  }
  return null;
}
