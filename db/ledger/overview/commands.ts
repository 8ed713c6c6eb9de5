// 概览: the holdings, devices, cabinets and latest register entries a custodian opens every morning.
import { registerRead } from '../../command-kit';
import { localDate } from '../documents/queries';
import { empty } from '../fields';
import { overviewOf } from './queries';

export const overviewCommands = {
  'overview.get': registerRead(empty, (ctx) => overviewOf(ctx.db, localDate(Date.parse(ctx.now)))),
};
