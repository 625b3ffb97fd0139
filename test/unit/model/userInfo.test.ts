import * as assert from 'node:assert/strict';
import { viewUserInfo } from '../../../src/model/userInfo';

describe("a LiveMessage member's UserInfo, for a person", () => {
  it('a JSON UserInfo shows the nick, a level and a role; every field goes to the tooltip', () => {
    const view = viewUserInfo('{"nick":"lin","level":3,"role":"teacher","avatar":"https://x/a.png","tags":["a"]}');
    assert.equal(view.short, 'lin · level 3 · teacher');
    assert.deepEqual(view.fields, { nick: 'lin', level: '3', role: 'teacher', avatar: 'https://x/a.png', tags: '["a"]' });
  });

  it('finds the nick under the usual spellings, case-insensitively', () => {
    assert.equal(viewUserInfo('{"nickName":"Ada"}').short, 'Ada');
    assert.equal(viewUserInfo('{"NickName":"Ada","Lv":7}').short, 'Ada · level 7');
    assert.equal(viewUserInfo('{"name":"Bo"}').short, 'Bo');
  });

  it('a JSON object without those fields shows nothing in the row (the tooltip has it all)', () => {
    const view = viewUserInfo('{"vip":true,"score":12}');
    assert.equal(view.short, undefined);
    assert.deepEqual(view.fields, { vip: 'true', score: '12' });
  });

  it('a text that is not a JSON object is shown as it is, shortened', () => {
    assert.deepEqual(viewUserInfo('plain words'), { short: 'plain words', fields: undefined });
    assert.equal(viewUserInfo('x'.repeat(100)).short, `${'x'.repeat(60)}…`);
    assert.equal(viewUserInfo('[1,2]').short, '[1,2]');
    assert.equal(viewUserInfo('{broken').short, '{broken');
  });

  it('nothing to show for an empty or missing UserInfo', () => {
    assert.deepEqual(viewUserInfo(''), { short: undefined, fields: undefined });
    assert.deepEqual(viewUserInfo(undefined), { short: undefined, fields: undefined });
    assert.equal(viewUserInfo('{"nick":"  "}').short, undefined, 'a blank nick is no nick');
  });
});
