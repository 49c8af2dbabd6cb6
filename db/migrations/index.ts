import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';

/** Listed statically so migrations run the same from source (tests) and from the built package. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};
