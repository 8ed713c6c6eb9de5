import type { Migration } from '../migrate';

/** Placeholder: issue 19 fills it in this session. */
export const findings: Migration = {
  version: 21,
  name: 'findings',
  up() {},
};
