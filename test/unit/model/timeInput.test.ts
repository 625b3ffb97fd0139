// Times typed for the message filters: Unix seconds, a local date and time, ISO 8601 with a zone; anything else is
// NaN (refused before a request is sent); empty means "no bound".
import * as assert from 'node:assert/strict';
import { parseTimeInput } from '../../../src/model/timeInput';

describe('message filter times', () => {
  it('reads Unix seconds, local dates and times, and ISO 8601 with a zone', () => {
    assert.equal(parseTimeInput(' 1700000000 '), 1700000000);
    assert.equal(parseTimeInput('2026-11-20 14:03'), Math.floor(new Date(2026, 10, 20, 14, 3).getTime() / 1000));
    assert.equal(parseTimeInput('2026-11-20'), Math.floor(new Date(2026, 10, 20).getTime() / 1000));
    assert.equal(parseTimeInput('2026-11-20T06:03:05Z'), Date.UTC(2026, 10, 20, 6, 3, 5) / 1000);
    assert.equal(parseTimeInput('2026-11-20T14:03:05+08:00'), Date.UTC(2026, 10, 20, 6, 3, 5) / 1000);
  });

  it('empty is no bound; impossible dates and other text are NaN', () => {
    assert.equal(parseTimeInput('   '), undefined);
    for (const text of ['2026-02-30', '2026-11-20 25:00', 'yesterday', '-5', '1.5', '2026-11-20T06:03Q']) assert.ok(Number.isNaN(parseTimeInput(text)), text);
  });
});
