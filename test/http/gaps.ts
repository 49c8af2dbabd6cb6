import type { RequestRecord } from '../support/fault-server.js';

/** Time between the end of each request and the start of the next, by the server's clock. */
export function gapsBetween(requests: readonly RequestRecord[]): number[] {
  return requests
    .slice(1)
    .map((next, i) => next.startedAt - (requests[i]?.endedAt ?? Number.POSITIVE_INFINITY));
}
