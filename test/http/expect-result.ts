import { expect } from 'vitest';
import type { FetchFailure, FetchResult, FetchSuccess } from '../../src/http/types.js';

export function expectOk(result: FetchResult): FetchSuccess {
  if (!result.ok) throw new Error(`expected success, got ${result.reason}: ${result.detail}`);
  return result;
}

export function expectFailure(result: FetchResult, reason: FetchFailure['reason']): FetchFailure {
  if (result.ok) throw new Error(`expected ${reason}, got status ${result.status}`);
  expect(result.reason, result.detail).toBe(reason);
  return result;
}
