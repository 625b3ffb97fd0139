// Client-side checks of LiveMessage requests: nothing invalid is sent, and the message names parameter, value and rule.
import * as assert from 'node:assert/strict';
import { type ApiError, ClientErrorCode } from '../../../src/api/errors';
import { normalizeAdminList, normalizeToken } from '../../../src/api/liveMessage';
import { ACTION_INFO, type ActionName, type Actions } from '../../../src/api/types';
import { toWireParams } from '../../../src/api/validation';

function rejects<A extends ActionName>(action: A, request: unknown, parameter: string, rule: RegExp): void {
  assert.throws(
    () => toWireParams(action, request as Actions[A]['request']),
    (error: ApiError) =>
      error.code === ClientErrorCode.InvalidParameter && error.parameter === parameter && rule.test(error.message) && /Nothing was sent/.test(error.message),
  );
}

const group = { AppId: 'app', GroupId: 'g1' };

describe('validation: the LiveMessage family', () => {
  it('SortType is required and 1 or 2 (not the legacy 0 / 1)', () => {
    rejects('ListLiveMessageApps', {}, 'SortType', /1 \(ascending\) or 2 \(descending\)/);
    rejects('ListLiveMessageApps', { SortType: 0 }, 'SortType', /got 0/);
    rejects('ListLiveMessageGroups', { AppId: 'app', SortType: 3 }, 'SortType', /got 3/);
    assert.deepEqual(toWireParams('ListLiveMessageApps', { SortType: 2 }), { SortType: '2' });
  });

  it('PageSize of members and messages is required, 10–50', () => {
    for (const action of ['ListLiveMessageGroupUsers', 'ListLiveMessageGroupMessages'] as const) {
      rejects(action, { ...group, SortType: 1 }, 'PageSize', /from 10 to 50; got nothing/);
      rejects(action, { ...group, SortType: 1, PageSize: 9 }, 'PageSize', /got 9/);
      rejects(action, { ...group, SortType: 1, PageSize: 51 }, 'PageSize', /got 51/);
      assert.equal(toWireParams(action, { ...group, SortType: 1, PageSize: 10 }).PageSize, '10');
      assert.equal(toWireParams(action, { ...group, SortType: 1, PageSize: 50 }).PageSize, '50');
    }
  });

  it('ListLiveMessageGroupByPage: PageNumber 1–10000, PageSize 1–50, both optional; GroupStatus 0/1/2', () => {
    const base = { AppId: 'app', SortType: 1 as const };
    rejects('ListLiveMessageGroupByPage', { ...base, PageNumber: 0 }, 'PageNumber', /1 to 10000/);
    rejects('ListLiveMessageGroupByPage', { ...base, PageNumber: 10001 }, 'PageNumber', /got 10001/);
    rejects('ListLiveMessageGroupByPage', { ...base, PageSize: 0 }, 'PageSize', /1 to 50/);
    rejects('ListLiveMessageGroupByPage', { ...base, PageSize: 51 }, 'PageSize', /got 51/);
    rejects('ListLiveMessageGroupByPage', { ...base, GroupStatus: 3 }, 'GroupStatus', /0 \(all\), 1 \(not deleted\) or 2 \(deleted\)/);
    assert.deepEqual(toWireParams('ListLiveMessageGroupByPage', { ...base, PageNumber: 10000, PageSize: 1, GroupStatus: 2 }), {
      AppId: 'app',
      SortType: '1',
      PageNumber: '10000',
      PageSize: '1',
      GroupStatus: '2',
    });
  });

  it('DataCenter is cn-shanghai or ap-southeast-1', () => {
    rejects('DescribeLiveMessageApp', { AppId: 'app', DataCenter: 'cn-beijing' }, 'DataCenter', /cn-shanghai, ap-southeast-1/);
    assert.equal(toWireParams('DescribeLiveMessageApp', { AppId: 'app', DataCenter: 'ap-southeast-1' }).DataCenter, 'ap-southeast-1');
  });

  it('UserIds: 1–10 non-empty ids without commas, sent comma-joined (the SDKs\' "simple" style)', () => {
    rejects('CheckLiveMessageUsersInGroup', { ...group, UserIds: [] }, 'UserIds', /1 to 10/);
    rejects('CheckLiveMessageUsersInGroup', { ...group, UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }, 'UserIds', /1 to 10/);
    rejects('CheckLiveMessageUsersInGroup', { ...group, UserIds: ['a', ''] }, 'UserIds[1]', /non-empty/);
    rejects('CheckLiveMessageUsersInGroup', { ...group, UserIds: ['a', 'b,c'] }, 'UserIds[1]', /without commas/);
    assert.equal(toWireParams('CheckLiveMessageUsersInGroup', { ...group, UserIds: ['a', 'b'] }).UserIds, 'a,b');
  });

  it('NextPageToken: a number or its decimal string (-1 = first page); anything else is refused', () => {
    const base = { ...group, SortType: 1 as const, PageSize: 20 };
    assert.equal(toWireParams('ListLiveMessageGroupUsers', { ...base, NextPageToken: 1234 }).NextPageToken, '1234');
    assert.equal(toWireParams('ListLiveMessageGroupUsers', { ...base, NextPageToken: '12345678901234567890' }).NextPageToken, '12345678901234567890');
    assert.equal(toWireParams('ListLiveMessageGroupUsers', { ...base, NextPageToken: -1 }).NextPageToken, '-1');
    rejects('ListLiveMessageGroupUsers', { ...base, NextPageToken: 'abc' }, 'NextPageToken', /previous page/);
    rejects('ListLiveMessageGroupUsers', { ...base, NextPageToken: 1.5 }, 'NextPageToken', /previous page/);
  });

  it('messages: MsgType, BeginTime and EndTime are non-negative integers, EndTime not before BeginTime', () => {
    const base = { ...group, SortType: 2 as const, PageSize: 20 };
    rejects('ListLiveMessageGroupMessages', { ...base, MsgType: -1 }, 'MsgType', /integer/);
    rejects('ListLiveMessageGroupMessages', { ...base, BeginTime: 20, EndTime: 10 }, 'EndTime', /at least BeginTime \(20\)/);
    assert.deepEqual(toWireParams('ListLiveMessageGroupMessages', { ...base, MsgType: 3, BeginTime: 10, EndTime: 20 }), {
      AppId: 'app',
      GroupId: 'g1',
      PageSize: '20',
      SortType: '2',
      MsgType: '3',
      BeginTime: '10',
      EndTime: '20',
    });
  });

  it('AppId and GroupId are required non-empty strings', () => {
    rejects('DescribeLiveMessageGroup', { AppId: 'app' }, 'GroupId', /non-empty string/);
    rejects('DescribeLiveMessageGroupBand', { GroupId: 'g' }, 'AppId', /non-empty string/);
    rejects('ListLiveMessageGroups', { AppId: '', SortType: 1 }, 'AppId', /non-empty string/);
  });

  it('every LiveMessage action is POST except ListLiveMessageGroupByPage (GET); legacy reads take the client method, the legacy writes and their reads POST', () => {
    const legacyPost = new Set(['ListMuteGroupUser', 'BatchGetOnlineUsers']);
    for (const [action, info] of Object.entries(ACTION_INFO)) {
      if (info.family === 'legacy') assert.equal(info.method, info.kind === 'write' || legacyPost.has(action) ? 'POST' : undefined, action);
      else assert.equal(info.method, action === 'ListLiveMessageGroupByPage' ? 'GET' : 'POST', action);
    }
  });
});

describe('liveMessage adapter: spellings', () => {
  it('normalizeToken: absent, empty, 0 and -1 mean no next page; numbers become strings', () => {
    for (const none of [undefined, null, '', '0', '-1', 0, -1]) assert.equal(normalizeToken(none), undefined, String(none));
    assert.equal(normalizeToken(1001), '1001');
    assert.equal(normalizeToken('1001'), '1001');
    assert.equal(normalizeToken('12345678901234567890'), '12345678901234567890');
  });

  it('normalizeAdminList: string[] as in the SDK model, a nested array as in the docs sample', () => {
    assert.deepEqual(normalizeAdminList(['a', 'b']), ['a', 'b']);
    assert.deepEqual(normalizeAdminList([['a', 'b']]), ['a', 'b']);
    assert.deepEqual(normalizeAdminList(undefined), []);
  });
});
