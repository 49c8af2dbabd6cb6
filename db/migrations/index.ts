import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_discovery.js';
import * as m0003 from './0003_serving.js';
import * as m0004 from './0004_hosts.js';
import * as m0006 from './0006_discovery_pages.js';
import * as m0005 from './0005_ownership.js';
import * as m0007 from './0007_claims.js';
import * as m0008 from './0008_dashboard.js';

/** Listed statically so migrations run the same from source (tests) and from the built package. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_discovery': m0002,
  '0003_serving': m0003,
  '0004_hosts': m0004,
  '0006_discovery_pages': m0006,
  '0005_ownership': m0005,
  '0007_claims': m0007,
  '0008_dashboard': m0008,
};
