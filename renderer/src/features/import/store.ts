// Transfer slice (custodian): importing an old register from .xlsx / .csv (inspect, dry run, apply) and exporting
// a register. The backend reads and writes the files; here they are only base64 going in and out.
import { send } from '../../api';
import type { CommandInput, CommandOutput } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';

export type ImportInspection = CommandOutput<'import.inspect'>;
export type ImportDryRun = CommandOutput<'import.dryRun'>;
export type ImportCheckInput = CommandInput<'import.dryRun'>;
export type ImportRegisterName = ImportCheckInput['register'];

export type ExportInput = CommandInput<'export.register'>;

export interface TransferSlice {
  inspectImport(input: CommandInput<'import.inspect'>): Promise<ImportInspection>;
  dryRunImport(input: ImportCheckInput): Promise<ImportDryRun>;
  applyImport(input: ImportCheckInput): Promise<CommandOutput<'import.apply'>>;
  exportRegister(input: ExportInput): Promise<CommandOutput<'export.register'>>;
}

export const createTransferSlice: SliceCreator<TransferSlice> = () => ({
  inspectImport: (input) => send('import.inspect', input),
  dryRunImport: (input) => send('import.dryRun', input),
  applyImport: (input) => send('import.apply', input),
  exportRegister: (input) => send('export.register', input),
});
