// Settings reading (src/config.ts) in plain Node: the checks that keep an out-of-range value from the API.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TIMEOUT_MS } from '../../src/api/client';
import { DEFAULT_ENDPOINT, LIMITS } from '../../src/api/types';
import { DEFAULTS, pageSizeProblem, parseSettings, TIMEOUT_SECONDS } from '../../src/config';

const read = (values: Record<string, unknown>) => parseSettings({ get: <T>(key: string) => values[key] as T | undefined });

describe('settings', () => {
  it('uses the defaults when nothing is set, and reports nothing', () => {
    assert.deepEqual(read({}), { settings: DEFAULTS, problems: [] });
    assert.equal(DEFAULTS.endpoint, DEFAULT_ENDPOINT);
    assert.equal(DEFAULTS.pageSize, LIMITS.pageSize.max);
    assert.equal(DEFAULTS.timeoutMs, DEFAULT_TIMEOUT_MS);
  });

  it('reads valid values', () => {
    const { settings, problems } = read({
      endpoint: ' http://127.0.0.1:8910 ',
      pageSize: 7,
      sortOrder: 'ascending',
      requestTimeoutSeconds: 2.5,
      callsPerSecond: 20,
      apps: ['A', ' B ', 'A'],
      users: { A: ['u1', 'u2'] },
      'hover.lookUpUnknownIds': true,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, {
      endpoint: 'http://127.0.0.1:8910',
      pageSize: 7,
      sortType: 0,
      timeoutMs: 2500,
      callsPerSecond: 20,
      apps: ['A', 'B'],
      users: { A: ['u1', 'u2'] },
      hoverLookUp: true,
    });
  });

  for (const [key, value, pattern] of [
    ['pageSize', 0, /pageSize must be a whole number from 1 to 50 \(found 0\); using 50/],
    ['pageSize', 51, /found 51/],
    ['pageSize', 2.5, /found 2.5/],
    ['pageSize', '10', /found "10"/],
    ['callsPerSecond', 101, /callsPerSecond must be a whole number from 1 to 100/],
    ['requestTimeoutSeconds', 0, /requestTimeoutSeconds must be from 1 to 120 \(found 0\); using 10/],
    ['requestTimeoutSeconds', 121, /found 121/],
    ['sortOrder', 'newest', /sortOrder must be "ascending" or "descending"/],
    ['apps', 'A', /imExplorer.apps must be a list of ids/],
    ['apps', ['A', 3, ''], /has entries that are not ids/],
    ['users', ['A'], /imExplorer.users must be an object/],
    ['users', { A: 'u1' }, /imExplorer.users\["A"\] must be a list of ids/],
    ['hover.lookUpUnknownIds', 'yes', /imExplorer.hover.lookUpUnknownIds must be true or false \(found "yes"\); using false/],
  ] as const) {
    it(`replaces ${key} = ${JSON.stringify(value)} by its default and says why`, () => {
      const { settings, problems } = read({ [key]: value });
      assert.equal(problems.length, 1);
      assert.match(problems[0], pattern);
      const field = { sortOrder: 'sortType', requestTimeoutSeconds: 'timeoutMs', 'hover.lookUpUnknownIds': 'hoverLookUp' }[key as string] ?? key;
      const kept = (settings as unknown as Record<string, unknown>)[field];
      if (key === 'apps') assert.deepEqual(kept, Array.isArray(value) ? ['A'] : []);
      else if (key === 'users') assert.deepEqual(kept, Array.isArray(value) ? {} : { A: [] });
      else assert.equal(kept, (DEFAULTS as unknown as Record<string, unknown>)[field]);
    });
  }

  it('checks a typed page size against the API range', () => {
    for (const ok of ['1', '50', ' 7 ']) assert.equal(pageSizeProblem(ok), undefined, ok);
    for (const bad of ['0', '51', '2.5', 'ten', '', ' ']) assert.equal(pageSizeProblem(bad), 'PageSize must be a whole number from 1 to 50.', bad);
  });

  it('agrees with package.json, which declares the same ranges and defaults', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['imExplorer.endpoint'].default, DEFAULTS.endpoint);
    assert.deepEqual(
      [properties['imExplorer.pageSize'].minimum, properties['imExplorer.pageSize'].maximum, properties['imExplorer.pageSize'].default],
      [LIMITS.pageSize.min, LIMITS.pageSize.max, DEFAULTS.pageSize],
    );
    assert.deepEqual(
      [
        properties['imExplorer.requestTimeoutSeconds'].minimum,
        properties['imExplorer.requestTimeoutSeconds'].maximum,
        properties['imExplorer.requestTimeoutSeconds'].default,
      ],
      [TIMEOUT_SECONDS.min, TIMEOUT_SECONDS.max, DEFAULTS.timeoutMs / 1000],
    );
    assert.deepEqual(
      [properties['imExplorer.callsPerSecond'].maximum, properties['imExplorer.callsPerSecond'].default],
      [LIMITS.callsPerSecond, DEFAULTS.callsPerSecond],
    );
    assert.equal(properties['imExplorer.hover.lookUpUnknownIds'].default, DEFAULTS.hoverLookUp);
    assert.equal(DEFAULTS.hoverLookUp, false, 'hovers send no request unless the user opts in');
  });
});
