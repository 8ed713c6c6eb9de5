// The four device registers (涉密 / 非涉密 计算机 and 移动存储介质), the media usage log, and people's holdings.
import { z } from 'zod';
import { command, recorder, when } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { at, CUSTODIAN, date, id, optionalText, page, person, REGISTER_READERS, text } from '../fields';
import { DATA_LEVELS, DEVICE_LEVELS, MEDIUM_TYPES, NETWORKS, requireComputer, requireMedium } from './devices';
import {
  backFromRepair,
  changeComputer,
  changeMedium,
  changeStatus,
  holdingsOf,
  lendMedium,
  logUsage,
  recordDeparture,
  registerComputer,
  registerMedium,
  returnMedium,
  sendToRepair,
} from './operations';
import { computerDetail, listComputers, listMedia, mediumDetail, usageLog } from './queries';

const computerFields = {
  code: text(40),
  name: text(60),
  model: text(100),
  serial: text(100),
  diskSerial: z.string().trim().max(100).optional(),
  mac: z.string().trim().regex(/^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/, 'a MAC address such as 00-1A-2B-3C-4D-5E').optional(),
  os: text(100),
  osInstalledAt: date.optional(),
  level: z.enum(DEVICE_LEVELS),
  network: z.enum(NETWORKS),
  purpose: text(100),
  department: text(60),
  responsible: person,
  location: text(100),
  enabledAt: date,
  remarks: optionalText(500),
};

const mediumFields = {
  code: text(40),
  type: z.enum(MEDIUM_TYPES),
  model: text(100),
  serial: text(100),
  capacity: text(30),
  level: z.enum(DEVICE_LEVELS),
  responsible: person,
  department: text(60),
  usageScope: text(200),
  enabledAt: date,
  backupApproved: z.boolean().default(false),
  remarks: optionalText(500),
};

const statusChange = (device: 'computer' | 'medium', to: 'stop' | 'enable' | 'scrap' | 'destroy') =>
  command({
    input: z.object({ id, reason: optionalText(200), facility: z.string().trim().max(100).optional(), approver: z.string().trim().max(50).optional(), at }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      changeStatus(recorder(ctx), { device, to, ...input, at: when(ctx, input.at) });
      ctx.note({ target: (device === 'computer' ? requireComputer(ctx.db, input.id) : requireMedium(ctx.db, input.id)).code, summary: { input } });
      return null;
    },
  });

const noteComputer = (ctx: SignedInContext, computerId: number, input: unknown) => ctx.note({ target: requireComputer(ctx.db, computerId).code, summary: { input } });
const noteMedium = (ctx: SignedInContext, mediumId: number, input: unknown) => ctx.note({ target: requireMedium(ctx.db, mediumId).code, summary: { input } });

export const deviceCommands = {
  'computers.register': command({
    input: z.object(computerFields).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      const out = registerComputer(recorder(ctx), input);
      noteComputer(ctx, out.id, input);
      return out;
    },
  }),
  'computers.change': command({
    input: z
      .object({
        id,
        change: z.object({ responsible: person, department: text(60), location: text(100), network: z.enum(NETWORKS), os: text(100), osInstalledAt: date, purpose: text(100) }).partial().strict(),
        at,
      })
      .strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      changeComputer(recorder(ctx), { ...input, at: when(ctx, input.at) });
      noteComputer(ctx, input.id, input);
      return null;
    },
  }),
  'computers.repair': command({
    input: z.object({ id, offSite: z.boolean(), storageRemoved: z.boolean().default(false), escort: z.string().trim().max(50).optional(), repairer: text(100), reason: text(200), at }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      sendToRepair(recorder(ctx), { ...input, at: when(ctx, input.at) });
      noteComputer(ctx, input.id, input);
      return null;
    },
  }),
  'computers.backFromRepair': command({
    input: z.object({ id, checkedBy: person, notes: optionalText(200), at }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      backFromRepair(recorder(ctx), { ...input, at: when(ctx, input.at) });
      noteComputer(ctx, input.id, input);
      return null;
    },
  }),
  'computers.stop': statusChange('computer', 'stop'),
  'computers.enable': statusChange('computer', 'enable'),
  'computers.scrap': statusChange('computer', 'scrap'),
  'computers.destroy': statusChange('computer', 'destroy'),
  'computers.list': command({
    input: z.object({ classified: z.boolean(), query: z.string().max(100).optional(), status: z.enum(['in_use', 'stopped', 'repair', 'scrapped', 'destroyed']).optional(), responsible: z.string().max(50).optional(), ...page }).strict(),
    roles: REGISTER_READERS,
    mutates: false,
    run: (ctx, input) => listComputers(ctx.db, input),
  }),
  'computers.get': command({ input: z.object({ id }).strict(), roles: REGISTER_READERS, mutates: false, run: (ctx, input) => computerDetail(ctx.db, input.id) }),

  'media.register': command({
    input: z.object(mediumFields).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      const out = registerMedium(recorder(ctx), input);
      noteMedium(ctx, out.id, input);
      return out;
    },
  }),
  'media.change': command({
    input: z
      .object({ id, change: z.object({ level: z.enum(DEVICE_LEVELS), responsible: person, department: text(60), usageScope: text(200), backupApproved: z.boolean() }).partial().strict(), at })
      .strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      changeMedium(recorder(ctx), { ...input, at: when(ctx, input.at) });
      noteMedium(ctx, input.id, input);
      return null;
    },
  }),
  'media.lend': command({
    input: z.object({ id, to: person, computerId: id, dueAt: date, at }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      lendMedium(recorder(ctx), { ...input, at: when(ctx, input.at) });
      noteMedium(ctx, input.id, input);
      return null;
    },
  }),
  'media.return': command({
    input: z.object({ id, dataCleared: z.boolean(), checkedBy: person, at }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      returnMedium(recorder(ctx), { ...input, at: when(ctx, input.at) });
      noteMedium(ctx, input.id, input);
      return null;
    },
  }),
  'media.logUsage': command({
    input: z.object({ mediumId: id, computerId: id, user: person, purpose: text(200), dataLevel: z.enum(DATA_LEVELS), at }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      const out = logUsage(recorder(ctx), { ...input, at: when(ctx, input.at) });
      noteMedium(ctx, input.mediumId, input);
      return out;
    },
  }),
  'media.stop': statusChange('medium', 'stop'),
  'media.enable': statusChange('medium', 'enable'),
  'media.scrap': statusChange('medium', 'scrap'),
  'media.destroy': statusChange('medium', 'destroy'),
  'media.list': command({
    input: z.object({ classified: z.boolean(), query: z.string().max(100).optional(), status: z.enum(['in_use', 'stopped', 'scrapped', 'destroyed']).optional(), responsible: z.string().max(50).optional(), ...page }).strict(),
    roles: REGISTER_READERS,
    mutates: false,
    run: (ctx, input) => listMedia(ctx.db, input),
  }),
  'media.get': command({ input: z.object({ id }).strict(), roles: REGISTER_READERS, mutates: false, run: (ctx, input) => mediumDetail(ctx.db, input.id) }),
  'media.usageLog': command({
    input: z.object({ mediumId: id.optional(), computerId: id.optional(), ...page }).strict(),
    roles: REGISTER_READERS,
    mutates: false,
    run: (ctx, input) => usageLog(ctx.db, input),
  }),

  'people.holdings': command({ input: z.object({ person }).strict(), roles: REGISTER_READERS, mutates: false, run: (ctx, input) => holdingsOf(ctx, input.person) }),
  'people.depart': command({
    input: z.object({ person, handedTo: person, supervisor: person, at }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      recordDeparture(recorder(ctx), { ...input, at: when(ctx, input.at) });
      ctx.note({ target: input.person, summary: { input } });
      return null;
    },
  }),
};
