import { expect } from '@open-wc/testing';
import { isAdapterError, type TnAdapterError } from '../../src/adapter/errors.js';

/** The `TnAdapterError` a promise rejects with; fails when it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<TnAdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(isAdapterError(error), String(error)).to.equal(true);
    return error as TnAdapterError;
  }
  throw new Error('Expected a rejection, but the promise resolved.');
}
