import * as assert from 'node:assert/strict';
import type { InteractiveMessagesClient } from '../../../src/api/client';
import { ApiError, ClientErrorCode } from '../../../src/api/errors';
import type { ActionName } from '../../../src/api/types';
import { toWireParams } from '../../../src/api/validation';
import { newClient, useEmulator } from '../helpers';

type Case = [label: string, call: (c: InteractiveMessagesClient) => Promise<unknown>, parameter: string, message: RegExp];

const A = 'APP1';
const G = 'GRP1';
const page = { PageNum: 1, PageSize: 20 };
// Deliberately wrong values: the casts stand for callers without type checking (JSON settings, JavaScript).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const bad = (value: unknown): any => value;

const CASES: Case[] = [
  ['PageSize 0', (c) => c.listMessageApp({ PageNum: 1, PageSize: 0 }), 'PageSize', /PageSize must be an integer from 1 to 50; got 0\./],
  ['PageSize 51', (c) => c.listMessageApp({ PageNum: 1, PageSize: 51 }), 'PageSize', /PageSize must be an integer from 1 to 50; got 51\./],
  ['PageSize 1.5', (c) => c.listMessageGroupUser({ AppId: A, GroupId: G, PageNum: 1, PageSize: 1.5 }), 'PageSize', /got 1\.5/],
  ['PageSize "20"', (c) => c.listMessageApp({ PageNum: 1, PageSize: bad('20') }), 'PageSize', /got "20"/],
  ['PageSize NaN', (c) => c.listMessageApp({ PageNum: 1, PageSize: NaN }), 'PageSize', /got NaN/],
  ['PageSize missing', (c) => c.listMessageApp(bad({ PageNum: 1 })), 'PageSize', /got nothing/],
  [
    'PageNum 0',
    (c) => c.listMessageGroup({ AppId: A, UserId: 'u', PageNum: 0, PageSize: 20 }),
    'PageNum',
    /PageNum must be an integer from 1 to 100000; got 0\./,
  ],
  ['PageNum 100001', (c) => c.listMessageGroupUser({ AppId: A, GroupId: G, PageNum: 100001, PageSize: 20 }), 'PageNum', /from 1 to 100000; got 100001/],
  ['PageNum Infinity', (c) => c.listMessage({ AppId: A, GroupId: G, PageNum: Infinity, PageSize: 20 }), 'PageNum', /got Infinity/],
  ['SortType 2', (c) => c.listMessageApp({ ...page, SortType: bad(2) }), 'SortType', /SortType must be one of 0 \(ascending\), 1 \(descending\); got 2\./],
  ['SortType "1"', (c) => c.listMessageApp({ ...page, SortType: bad('1') }), 'SortType', /got "1"/],
  ['AppId empty', (c) => c.getMessageApp({ AppId: '' }), 'AppId', /AppId must be a non-empty string; got ""\./],
  ['AppId missing', (c) => c.getMessageGroup(bad({ GroupId: G })), 'AppId', /got nothing/],
  ['AppId a number', (c) => c.listMessageGroupUser(bad({ AppId: 7, GroupId: G, ...page })), 'AppId', /got 7/],
  ['UserId empty', (c) => c.listMessageGroup({ AppId: A, UserId: '', ...page }), 'UserId', /UserId must be a non-empty string/],
  ['GroupId empty', (c) => c.getMessageGroup({ AppId: A, GroupId: '' }), 'GroupId', /GroupId must be a non-empty string/],
  ['GroupId an object', (c) => c.listMessage(bad({ AppId: A, GroupId: { id: 1 }, ...page })), 'GroupId', /got \{"id":1\}/],
  [
    'UserIdList empty',
    (c) => c.listMessageGroupUserById({ AppId: A, GroupId: G, UserIdList: [] }),
    'UserIdList',
    /UserIdList must be a non-empty array of user ids; got \[\]/,
  ],
  ['UserIdList a string', (c) => c.listMessageGroupUserById(bad({ AppId: A, GroupId: G, UserIdList: 'a,b' })), 'UserIdList', /non-empty array/],
  [
    'UserIdList with a comma',
    (c) => c.listMessageGroupUserById({ AppId: A, GroupId: G, UserIdList: ['ok', 'a,b'] }),
    'UserIdList[1]',
    /UserIdList\[1\] must be a non-empty user id without commas .*; got "a,b"/,
  ],
  ['UserIdList with an empty id', (c) => c.listMessageGroupUserById({ AppId: A, GroupId: G, UserIdList: [''] }), 'UserIdList[0]', /got ""/],
  ['UserIdList with a number', (c) => c.listMessageGroupUserById(bad({ AppId: A, GroupId: G, UserIdList: [5] })), 'UserIdList[0]', /got 5/],
  ['Type -1', (c) => c.listMessage({ AppId: A, GroupId: G, ...page, Type: -1 }), 'Type', /Type must be an integer from 0/],
  ['Type 1.5', (c) => c.listMessage({ AppId: A, GroupId: G, ...page, Type: 1.5 }), 'Type', /got 1\.5/],
  ['request null', (c) => c.getMessageApp(bad(null)), 'request', /request must be an object of parameters; got null/],
];

describe('validation: every bad value is refused before anything is sent', function () {
  const emulator = useEmulator();

  it('names the parameter, the value and the allowed range; zero requests reach the server', async () => {
    const { client, calls } = newClient(emulator().url);
    for (const [label, call, parameter, message] of CASES) {
      await assert.rejects(
        call(client),
        (error: unknown) => {
          assert.ok(error instanceof ApiError, label);
          assert.equal(error.code, ClientErrorCode.InvalidParameter, label);
          assert.equal(error.parameter, parameter, label);
          assert.equal(error.retryable, false, label);
          assert.match(error.message, message, label);
          assert.match(error.message, /Nothing was sent\.$/, label);
          return true;
        },
        label,
      );
    }
    assert.equal(calls.length, 0);
    assert.equal(emulator().stats().requests, 0);
  });

  it('valid edge values do reach the server', async () => {
    const { client } = newClient(emulator().url);
    await client.listMessageApp({ PageNum: 100000, PageSize: 50, SortType: 1 });
    await client.listMessageApp({ PageNum: 1, PageSize: 1, SortType: 0 });
    assert.equal(emulator().stats().accepted, 2);
  });
});

describe('validation: wire parameters', () => {
  it('stringifies numbers, joins UserIdList with commas, omits absent optionals and ignores unknown fields', () => {
    assert.deepEqual(toWireParams('ListMessageGroupUserById', { AppId: 'a b', GroupId: 'g&1', UserIdList: ['u 1', 'ü+2'], Extra: { x: 1 } } as never), {
      AppId: 'a b',
      GroupId: 'g&1',
      UserIdList: 'u 1,ü+2',
    });
    assert.deepEqual(toWireParams('ListMessage', { AppId: 'a', GroupId: 'g', PageNum: 2, PageSize: 5 }), {
      AppId: 'a',
      GroupId: 'g',
      PageNum: '2',
      PageSize: '5',
    });
    assert.deepEqual(toWireParams('ListMessage', { AppId: 'a', GroupId: 'g', PageNum: 2, PageSize: 5, SortType: 0, Type: 3 }), {
      AppId: 'a',
      GroupId: 'g',
      PageNum: '2',
      PageSize: '5',
      SortType: '0',
      Type: '3',
    });
  });

  it('covers every action', () => {
    const actions: ActionName[] = [
      'ListMessageApp',
      'ListMessageGroup',
      'ListMessageGroupUser',
      'GetMessageApp',
      'GetMessageGroup',
      'ListMessageGroupUserById',
      'ListMessage',
    ];
    for (const action of actions) assert.throws(() => toWireParams(action, {} as never), ApiError);
  });
});
