import type { Migration } from '../migrate';

/** Placeholder: issue 19 fills it in this session. */
export const publicationReviews: Migration = {
  version: 19,
  name: 'publication-reviews',
  up() {},
};
