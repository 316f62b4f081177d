// The helpers the compiled validators call instead of Ajv's runtime modules count and
// compare as Ajv's do (Ajv is a devDependency: here, not in the installed server).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import ajvEqual from 'ajv/dist/runtime/equal.js';
import ajvLength from 'ajv/dist/runtime/ucs2length.js';
import { equal, errorsText, ucs2length } from '../validator-runtime.mjs';

it('counts string lengths in code points as Ajv does, lone surrogates included', () => {
  for (const text of ['', 'abc', '😀', 'a\uD800b', '\uDC00\uD800', '😀😀x', 'é'.repeat(300), '\uD800']) {
    assert.equal(ucs2length(text), ajvLength.default(text), JSON.stringify(text));
  }
});

it('compares JSON values as Ajv does', () => {
  const values = [1, '1', null, [], {}, [1, 2], [2, 1], { a: 1 }, { a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }, { a: undefined }];
  for (const a of values) for (const b of values) assert.equal(equal(a, b), ajvEqual.default(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`);
});

it('says what failed as one line', () => {
  assert.equal(errorsText([{ instancePath: '/notes', message: 'is too long' }, { instancePath: '', message: 'is wrong' }]), 'data/notes is too long; data is wrong');
  assert.equal(errorsText(null), 'No errors');
});
