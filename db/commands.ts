// The whole API, joined from each area's part of the table: every host (Electron, browser test host, CLI) runs
// these and nothing else.
import { z } from 'zod';
import type { Access, CommandDef, PublicCommand } from './command-kit';
import { accountCommands } from './ledger/accounts/commands';
import { approvalCommands } from './ledger/approvals/commands';
import { auditCommands } from './ledger/audit/commands';
import { backupCommands } from './ledger/backup/commands';
import { codeCommands } from './ledger/codes/commands';
import { stocktakeCommands } from './ledger/stocktake/commands';
import { publicationCommands } from './ledger/publication/commands';
import { findingCommands } from './ledger/findings/commands';
import { statisticsCommands } from './ledger/statistics/commands';
import { overviewCommands } from './ledger/overview/commands';
import { correctionCommands } from './ledger/corrections/commands';
import { deviceCommands } from './ledger/devices/commands';
import { documentCommands } from './ledger/documents/commands';
import { conveyanceCommands } from './ledger/documents/conveyance-commands';
import { prefsCommands } from './ledger/prefs/commands';
import { printCommands } from './ledger/print/commands';
import { sessionCommands } from './ledger/session/commands';
import { transferCommands } from './ledger/transfer/commands';
import type { Role } from './views';

export type { CommandDef };

type Joined<Parts extends readonly object[]> = Parts extends readonly [infer First, ...infer Rest extends readonly object[]] ? First & Joined<Rest> : unknown;

/** One table from the areas' parts; a name two parts both define is a mistake, not an override. */
export function joinCommands<Parts extends readonly object[]>(...parts: Parts): Joined<Parts> {
  const table: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (Object.hasOwn(table, name)) throw new Error(`The command "${name}" is defined twice.`);
      table[name] = def;
    }
  }
  return table as Joined<Parts>;
}

export const commands = joinCommands(
  documentCommands,
  conveyanceCommands,
  deviceCommands,
  correctionCommands,
  backupCommands,
  transferCommands,
  printCommands,
  sessionCommands,
  accountCommands,
  auditCommands,
  approvalCommands,
  prefsCommands,
  codeCommands,
  stocktakeCommands,
  publicationCommands,
  findingCommands,
  statisticsCommands,
  overviewCommands,
);

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What the caller receives: a file command's `finish` result, otherwise what `run` returns. */
export type CommandOutput<N extends CommandName> = Commands[N] extends { finish(output: never): Promise<infer F> } ? F : ReturnType<Commands[N]['run']>;

export function findCommand(name: string): CommandDef | undefined {
  return Object.hasOwn(commands, name) ? (commands[name as CommandName] as unknown as CommandDef) : undefined;
}

/** Every command with its input as JSON Schema, for `ledger commands` and for documentation. */
export function describeCommands(): {
  name: string;
  access: Access;
  roles: readonly Role[] | 'any' | 'public';
  whenSignedIn?: PublicCommand<z.ZodType, unknown>['whenSignedIn'];
  input: unknown;
}[] {
  return Object.entries(commands).map(([name, def]) => {
    const d = def as unknown as CommandDef;
    const input = z.toJSONSchema(d.input, { io: 'input' });
    if (d.access !== 'public') return { name, access: d.access, roles: d.roles, input };
    return { name, access: d.access, roles: 'public', ...(d.whenSignedIn ? { whenSignedIn: d.whenSignedIn } : {}), input };
  });
}
