// People slice (custodian, approver, auditor): what one person holds (items, computers, media) and 离岗交接.
// Nothing is kept: the people page asks each time.
import { send } from '../../api';
import type { CommandInput, CommandOutput } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';

export type Holdings = CommandOutput<'people.holdings'>;

export interface PeopleSlice {
  holdings(person: string): Promise<Holdings>;
  depart(input: CommandInput<'people.depart'>): Promise<void>;
}

export const createPeopleSlice: SliceCreator<PeopleSlice> = () => ({
  holdings: (person) => send('people.holdings', { person }),

  async depart(input) {
    await send('people.depart', input);
  },
});
