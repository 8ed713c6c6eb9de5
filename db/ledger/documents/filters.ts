// The documents register's filters, as the register command and the printed / exported sheet both accept them.
import { z } from 'zod';
import { DOCUMENT_LEVELS } from '../../domain/levels';
import { CARRIERS } from './model';
import { ITEM_REMINDERS, REMINDER_FILTERS, SORT_FIELDS, STATUS_FILTERS } from './queries';

export const documentFilterFields = {
  query: z.string().max(100).optional(),
  levels: z.array(z.enum(DOCUMENT_LEVELS)).max(4).optional(),
  status: z.enum(STATUS_FILTERS).optional(),
  year: z.number().int().min(1949).max(2200).optional(),
  originUnit: z.string().trim().max(100).optional(),
  locationId: z.number().int().positive().optional(),
  holder: z.string().trim().max(50).optional(),
  /** 电报: 密码电报 / 级发电 as their own group (or any other carrier). */
  carrier: z.enum(CARRIERS).optional(),
  reminder: z.enum(REMINDER_FILTERS).optional(),
  /** One reminder as the items are on it, overdue apart from due soon (ReminderCounts' newer keys). */
  reminderKind: z.enum(ITEM_REMINDERS).optional(),
  sort: z.enum(SORT_FIELDS).default('receiptNo'),
  order: z.enum(['asc', 'desc']).default('desc'),
};
