// Activation stays cheap: importing the client evaluates no pop-core code; the first request loads it.
import * as assert from 'node:assert/strict';
import { modulesLoadedOnFirstCall } from '../helpers';

describe('pop-core is loaded on the first request', () => {
  it('importing the client loads no pop-core module; the first call does', () => {
    const figures = modulesLoadedOnFirstCall(/pop-core/);
    assert.equal(figures.before, 0, 'no pop-core module after importing the client');
    assert.equal(figures.constructed, 0, 'nor after building one');
    assert.ok(figures.after > 0, 'loaded by the first request');
  });
});
