// What overview.get answers, as the overview's cards take it.
import type { CommandOutput } from '../../../../preload/contract';

export type Overview = CommandOutput<'overview.get'>;
