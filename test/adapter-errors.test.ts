import { expect } from '@open-wc/testing';
import { TnAdapterError, isAdapterError, isAbort, toAdapterError } from '../src/adapter/errors.js';

describe('TnAdapterError', () => {
  it('marks transient codes retryable and the rest not, unless told otherwise', () => {
    expect(new TnAdapterError('network').retryable).to.equal(true);
    expect(new TnAdapterError('rate-limited').retryable).to.equal(true);
    expect(new TnAdapterError('invalid').retryable).to.equal(false);
    expect(new TnAdapterError('not-found', { retryable: true }).retryable).to.equal(true);
  });

  it('is recognised by its brand, as a copy of the library would create it', () => {
    const foreign = { brand: 'tn-adapter-error', code: 'timeout', retryable: true };
    expect(isAdapterError(foreign)).to.equal(true);
    expect(isAdapterError(new Error('x'))).to.equal(false);
  });

  it('normalises aborts; anything else an adapter throws is "unavailable"', () => {
    expect(isAbort(new DOMException('stop', 'AbortError'))).to.equal(true);
    expect(toAdapterError(new DOMException('stop', 'AbortError')).code).to.equal('aborted');
    const broken = toAdapterError(new TypeError('undefined is not a function'));
    expect(broken.code).to.equal('unavailable');
    expect(broken.retryable).to.equal(true);
    expect(broken.message).to.equal('undefined is not a function');
    const invalid = new TnAdapterError('invalid', { fieldErrors: [{ field: 'vendorCode', code: 'required' }] });
    expect(toAdapterError(invalid)).to.equal(invalid);
  });
});
