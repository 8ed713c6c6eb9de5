import type { Migration } from '../migrate';

/** Placeholder: issue 19 fills it in this session. */
export const conveyance: Migration = {
  version: 18,
  name: 'conveyance',
  up() {},
};
