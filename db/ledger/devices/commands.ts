// The four device registers (涉密 / 非涉密 计算机 and 移动存储介质), the media usage log, and people's holdings.
import { z } from 'zod';
import { registerRead, registerWrite } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { at, date, id, optionalText, page, person, text } from '../fields';
import { approvalGrant as approval } from '../approvals/fields';
import { approvals } from '../approvals/use';
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
import { codePrefix } from '../codes/lookup';
import { CHECK_KINDS, CHECK_RESULTS, MAX_SECURITY_PRODUCTS } from '../../domain/computer-checks';
import { listChecks, recordCheck } from './checks';

/** 违规外联监控, 三合一 installed (left out: not recorded), and the security products with their versions. */
const securityFields = {
  monitoring: z.boolean().optional(),
  threeInOne: z.boolean().optional(),
  securityProducts: z
    .array(z.object({ name: text(60), version: optionalText(40) }).strict())
    .max(MAX_SECURITY_PRODUCTS)
    .optional(),
};

const computerFields = {
  code: text(40),
  name: text(60),
  model: text(100),
  serial: text(100),
  diskSerial: z.string().trim().max(100).optional(),
  mac: z
    .string()
    .trim()
    .regex(/^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/, 'a MAC address such as 00-1A-2B-3C-4D-5E')
    .optional(),
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
  ...securityFields,
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

// What an audit entry names: a device by its code.
const ofComputer = (ctx: SignedInContext, input: { id: number }) => requireComputer(ctx.db, input.id).code;
const ofMedium = (ctx: SignedInContext, input: { id: number }) => requireMedium(ctx.db, input.id).code;

const statusChange = (device: 'computer' | 'medium', to: 'stop' | 'enable' | 'scrap' | 'destroy') =>
  registerWrite({
    input: z.object({ id, reason: optionalText(200), facility: z.string().trim().max(100).optional(), approval: approval.optional(), at }).strict(),
    run: (rec, input, ctx) => changeStatus(rec, { device, to, ...input }, approvals(ctx)),
    target: device === 'computer' ? ofComputer : ofMedium,
  });

export const deviceCommands = {
  'computers.register': registerWrite({
    input: z.object(computerFields).strict(),
    run: registerComputer,
    target: (ctx, _input, out) => ofComputer(ctx, out),
  }),
  'computers.change': registerWrite({
    input: z
      .object({
        id,
        change: z
          .object({
            responsible: person,
            department: text(60),
            location: text(100),
            network: z.enum(NETWORKS),
            os: text(100),
            osInstalledAt: date,
            purpose: text(100),
            ...securityFields,
          })
          .partial()
          .strict(),
        at,
      })
      .strict(),
    run: changeComputer,
    target: ofComputer,
  }),
  'computers.repair': registerWrite({
    input: z
      .object({
        id,
        offSite: z.boolean(),
        storageRemoved: z.boolean().default(false),
        escort: z.string().trim().max(50).optional(),
        repairer: text(100),
        reason: text(200),
        /** Off-site repair of a classified computer: the approver's approval. */
        approval: approval.optional(),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => sendToRepair(rec, input, approvals(ctx)),
    target: ofComputer,
  }),
  'computers.backFromRepair': registerWrite({
    input: z.object({ id, checkedBy: person, notes: optionalText(200), at }).strict(),
    run: backFromRepair,
    target: ofComputer,
  }),
  'computers.stop': statusChange('computer', 'stop'),
  'computers.enable': statusChange('computer', 'enable'),
  'computers.scrap': statusChange('computer', 'scrap'),
  'computers.destroy': statusChange('computer', 'destroy'),
  'computers.list': registerRead(
    z
      .object({
        classified: z.boolean(),
        query: z.string().max(100).optional(),
        status: z.enum(['in_use', 'stopped', 'repair', 'scrapped', 'destroyed']).optional(),
        responsible: z.string().max(50).optional(),
        ...page,
      })
      .strict(),
    (ctx, input) => listComputers(ctx.db, input),
  ),
  'computers.get': registerRead(z.object({ id }).strict(), (ctx, input) => computerDetail(ctx.db, input.id, codePrefix(ctx))),
  /** 计算机检查: one check of one computer, appended to its log. */
  'computers.check': registerWrite({
    input: z.object({ computerId: id, kind: z.enum(CHECK_KINDS), checker: person, result: z.enum(CHECK_RESULTS), problems: optionalText(500), at }).strict(),
    run: recordCheck,
    target: (ctx, input) => ofComputer(ctx, { id: input.computerId }),
    // Named apart from an approval's kind and a batch's result, so the audit log says each in its own words.
    summary: (input) => ({
      checkKind: input.kind,
      checker: input.checker,
      checkResult: input.result,
      ...(input.problems ? { problems: input.problems } : {}),
      at: input.at,
    }),
  }),
  'computers.checks': registerRead(
    z.object({ computerId: id.optional(), kind: z.enum(CHECK_KINDS).optional(), year: z.number().int().min(1949).max(2200).optional(), ...page }).strict(),
    (ctx, input) => listChecks(ctx.db, input),
  ),

  'media.register': registerWrite({
    input: z.object(mediumFields).strict(),
    run: registerMedium,
    target: (ctx, _input, out) => ofMedium(ctx, out),
  }),
  'media.change': registerWrite({
    input: z
      .object({
        id,
        change: z
          .object({ level: z.enum(DEVICE_LEVELS), responsible: person, department: text(60), usageScope: text(200), backupApproved: z.boolean() })
          .partial()
          .strict(),
        /** For a lower classified level: who decided and their document, with the approver's approval. */
        decision: z
          .object({ decidedBy: person, decisionDocNo: text(60) })
          .strict()
          .optional(),
        approval: approval.optional(),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => changeMedium(rec, input, approvals(ctx)),
    target: ofMedium,
  }),
  'media.lend': registerWrite({ input: z.object({ id, to: person, computerId: id, dueAt: date, at }).strict(), run: lendMedium, target: ofMedium }),
  'media.return': registerWrite({ input: z.object({ id, dataCleared: z.boolean(), checkedBy: person, at }).strict(), run: returnMedium, target: ofMedium }),
  'media.logUsage': registerWrite({
    input: z.object({ mediumId: id, computerId: id, user: person, purpose: text(200), dataLevel: z.enum(DATA_LEVELS), at }).strict(),
    run: logUsage,
    target: (ctx, input) => ofMedium(ctx, { id: input.mediumId }),
  }),
  'media.stop': statusChange('medium', 'stop'),
  'media.enable': statusChange('medium', 'enable'),
  'media.scrap': statusChange('medium', 'scrap'),
  'media.destroy': statusChange('medium', 'destroy'),
  'media.list': registerRead(
    z
      .object({
        classified: z.boolean(),
        query: z.string().max(100).optional(),
        status: z.enum(['in_use', 'stopped', 'scrapped', 'destroyed']).optional(),
        responsible: z.string().max(50).optional(),
        ...page,
      })
      .strict(),
    (ctx, input) => listMedia(ctx.db, input),
  ),
  'media.get': registerRead(z.object({ id }).strict(), (ctx, input) => mediumDetail(ctx.db, input.id, codePrefix(ctx))),
  'media.usageLog': registerRead(z.object({ mediumId: id.optional(), computerId: id.optional(), ...page }).strict(), (ctx, input) => usageLog(ctx.db, input)),

  'people.holdings': registerRead(z.object({ person }).strict(), (ctx, input) => holdingsOf(ctx, input.person)),
  'people.depart': registerWrite({
    input: z.object({ person, handedTo: person, supervisor: person, at }).strict(),
    run: recordDeparture,
    target: (_ctx, input) => input.person,
  }),
};
