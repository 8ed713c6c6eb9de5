// How 统计 lays its figures out: in sections as the annual 保密工作台账 counts them, each a table of figures by level
// and by its group (carrier, device register, medium level), and one table of every dated figure by month.
import { DEVICE_LEVELS, DOCUMENT_LEVELS, LEVELS, type Level } from '../../../../db/domain/levels';
import { STATISTIC_FIGURE_DEFS, STATISTIC_FIGURES, type StatisticFigure } from '../../../../db/domain/statistics';
import { CARRIER_TERMS } from '../../../../db/domain/terms';

export interface Section {
  key: 'documents' | 'holdings' | 'devices' | 'mediaUsage' | 'backups';
  figures: readonly StatisticFigure[];
  /** The levels its columns give, and what a level is there: the item's, the data's, the medium's. */
  levels: readonly Level[];
  levelOf: 'level' | 'dataLevel' | 'mediumLevel';
  /** The group values its columns give (none: no second breakdown). */
  groups: readonly string[];
}

const CARRIERS = Object.keys(CARRIER_TERMS);

export const SECTIONS: readonly Section[] = [
  {
    key: 'documents',
    figures: ['received', 'produced', 'copied', 'lent', 'returnedToIssuer', 'destroyed', 'declassified', 'lateReturns', 'missing', 'found'],
    levels: DOCUMENT_LEVELS,
    levelOf: 'level',
    groups: CARRIERS,
  },
  { key: 'holdings', figures: ['heldNow', 'onLoanNow', 'awaitingReturnNow'], levels: DOCUMENT_LEVELS, levelOf: 'level', groups: CARRIERS },
  {
    key: 'devices',
    figures: ['devicesEnabled', 'devicesRepaired', 'devicesStopped', 'devicesScrapped', 'devicesDestroyed'],
    levels: DEVICE_LEVELS,
    levelOf: 'level',
    groups: ['computer', 'medium'],
  },
  { key: 'mediaUsage', figures: ['mediaUsage'], levels: LEVELS, levelOf: 'dataLevel', groups: DEVICE_LEVELS },
  { key: 'backups', figures: ['backups'], levels: DEVICE_LEVELS, levelOf: 'mediumLevel', groups: [] },
];

/** Every figure counted in the dates (the holdings are now: they have no months). */
export const DATED_FIGURES = STATISTIC_FIGURES.filter((f) => STATISTIC_FIGURE_DEFS[f].dated);
