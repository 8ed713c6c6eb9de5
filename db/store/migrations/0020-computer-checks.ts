import type { Migration } from '../migrate';

/** Placeholder: issue 19 fills it in this session. */
export const computerChecks: Migration = {
  version: 20,
  name: 'computer-checks',
  up() {},
};
