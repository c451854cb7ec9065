// Helpers of the browser tests of the remote calls (sources, HTTP, data·inclusion).
import { expect } from '@open-wc/testing';
import { RelaisError } from '@relais/core';

/** The RelaisError a promise rejects with; fails the test when it resolves or rejects with something else. */
export async function fail(p: Promise<unknown>): Promise<RelaisError> {
  try {
    await p;
  } catch (e) {
    expect(e).to.be.instanceOf(RelaisError);
    return e as RelaisError;
  }
  throw new Error('expected a rejection');
}

/** How many requests the test server received for a fault key. */
export const count = async (key: string): Promise<number> => ((await (await fetch(`/faults/count/${key}`)).json()) as { count: number }).count;
