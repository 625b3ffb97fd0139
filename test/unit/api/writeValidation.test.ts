// Client-side checks of the write requests of both families: every refusal names the parameter, the value and the
// rule, and nothing is sent; what passes goes on the wire as the SDKs send it (lists comma-joined, maps as one JSON
// text, booleans as true/false, BannnedUsers with three n's).
import * as assert from 'node:assert/strict';
import { ClientErrorCode, type ApiError } from '../../../src/api/errors';
import { type ActionName, type Actions } from '../../../src/api/types';
import { toWireParams } from '../../../src/api/validation';
import { newClient, useEmulator } from '../helpers';

const live = { AppId: 'app', GroupId: 'g1' };
const legacy = { AppId: 'APP1', GroupId: 'AAAA-BBBB-CCCC' };

/** [action, request, the parameter named, what the message says] */
const REFUSALS: [ActionName, object, string, RegExp][] = [
  ['SendLiveMessageGroup', { ...live }, 'SenderId', /non-empty string; got nothing/],
  ['SendLiveMessageGroup', { ...live, SenderId: 'u', Body: '测'.repeat(5121) }, 'Body', /at most 15360 bytes \(UTF-8\); it has 15363/],
  ['SendLiveMessageGroup', { ...live, SenderId: 'u'.repeat(65) }, 'SenderId', /at most 64 bytes/],
  ['SendLiveMessageGroup', { ...live, SenderId: 'u', SenderMetaInfo: 'm'.repeat(513) }, 'SenderMetaInfo', /at most 512 bytes/],
  ['SendLiveMessageGroup', { ...live, SenderId: 'u', Weight: 0 }, 'Weight', /from 1 to 1000000; got 0/],
  ['SendLiveMessageGroup', { ...live, SenderId: 'u', NoStorage: 'yes' }, 'NoStorage', /true or false; got "yes"/],
  ['SendLiveMessageGroup', { ...live, SenderId: 'u', Foo: 1 }, 'Foo', /Foo is not a parameter of this action\. Nothing was sent/],
  ['SendLiveMessageUser', { AppId: 'app', SenderId: 'u' }, 'ReceiverId', /non-empty string/],
  ['DeleteLiveMessageGroupMessage', { ...live }, 'MessageId', /non-empty string/],
  ['BanLiveMessageGroup', { ...live, ExceptUsers: ['a,b'] }, 'ExceptUsers[0]', /without commas/],
  ['AddLiveMessageGroupBand', { ...live }, 'BannedUsers', /non-empty array of user ids; got nothing/],
  ['AddLiveMessageGroupBand', { ...live, BannnedUsers: ['a'] }, 'BannnedUsers', /BannnedUsers is not a parameter of this action; it is spelled BannedUsers/],
  ['RemoveLiveMessageGroupBand', { ...live, UnbannedUsers: [] }, 'UnbannedUsers', /non-empty array/],
  ['ModifyLiveMessageGroupBand', { ...live, BannedUsers: ['a'] }, 'BannedUsers', /it is spelled BannnedUsers/],
  ['ModifyLiveMessageGroupBand', { ...live, BannnedUsers: Array.from({ length: 31 }, (_, i) => `u${i}`) }, 'BannnedUsers', /at most 30 user ids/],
  ['ModifyLiveMessageGroupBand', { ...live, ExceptUsers: ['a'] }, 'ExceptUsers', /only with BannedAll: true/],
  ['ModifyLiveMessageGroupBand', { ...live, BannedAll: true, ExceptUsers: Array.from({ length: 31 }, (_, i) => `u${i}`) }, 'ExceptUsers', /at most 30/],
  ['ModifyLiveMessageGroupBand', { ...live }, 'BannedAll', /nothing would change/],
  ['KickLiveMessageGroupUser', { ...live }, 'KickoffUser', /non-empty string/],
  ['CreateLiveMessageGroup', { AppId: 'app', GroupId: 'room-1' }, 'GroupId', /1 to 64 letters and digits; got "room-1"/],
  ['CreateLiveMessageGroup', { AppId: 'app', GroupId: 'r'.repeat(65) }, 'GroupId', /letters and digits/],
  ['CreateLiveMessageGroup', { AppId: 'app', GroupId: 'room1', Administrators: ['a', 'b', 'c', 'd'] }, 'Administrators', /1 to 3 user ids/],
  ['CreateLiveMessageGroup', { AppId: 'app', GroupId: 'room1', GroupName: 'n'.repeat(129) }, 'GroupName', /at most 128 bytes/],
  ['CreateLiveMessageGroup', { AppId: 'app', GroupId: 'room1', GroupInfo: 'i'.repeat(32 * 1024 + 1) }, 'GroupInfo', /at most 32768 bytes/],
  ['ModifyLiveMessageGroup', { ...live, AdminList: ['a'] }, 'AdminList', /only with ModifyAdmin: true/],
  ['ModifyLiveMessageGroup', { ...live, ModifyAdmin: true }, 'AdminList', /array of at most 3 user ids; got nothing/],
  ['ModifyLiveMessageGroup', { ...live }, 'ModifyAdmin', /nothing would change/],
  ['DeleteLiveMessageGroup', { AppId: 'app' }, 'GroupId', /non-empty string/],
  ['RecoverLiveMessageDeletedGroup', { ...live, DataCenter: 'cn-beijing' }, 'DataCenter', /cn-shanghai, ap-southeast-1/],
  ['ModifyLiveMessageAppDisable', { AppId: 'app' }, 'Disable', /true or false; got nothing/],
  ['CheckLiveMessageUsersOnline', { AppId: 'app', UserIds: Array.from({ length: 11 }, (_, i) => `u${i}`) }, 'UserIds', /1 to 10 user ids/],
  ['SendMessageToGroup', { ...legacy, OperatorUserId: 'op', Data: 'not json' }, 'Data', /JSON text; got "not json"/],
  ['SendMessageToGroup', { ...legacy, Data: '{}' }, 'OperatorUserId', /non-empty string/],
  ['SendMessageToGroup', { ...legacy, OperatorUserId: 'op', Data: '{}', Type: -1 }, 'Type', /from 0 to 2147483647/],
  ['SendMessageToGroupUsers', { ...legacy, OperatorUserId: 'op', Data: '{}' }, 'Type', /integer/],
  [
    'MuteAllGroupUser',
    { ...legacy, OperatorUserId: 'op', BroadCastType: 3 },
    'BroadCastType',
    /0 \(no broadcast\), 1 \(to the given users\) or 2 \(to the group\); got 3/,
  ],
  ['MuteGroupUser', { ...legacy, MuteUserList: [] }, 'MuteUserList', /non-empty array/],
  ['MuteGroupUser', { ...legacy, MuteUserList: ['a'], MuteTime: 1.5 }, 'MuteTime', /integer/],
  ['CancelMuteGroupUser', { ...legacy, CancelMuteUserList: ['a', ''] }, 'CancelMuteUserList[1]', /non-empty user id/],
  ['CreateMessageGroup', { AppId: 'APP1', CreatorId: 'host.1' }, 'CreatorId', /1 to 36 letters and digits/],
  ['CreateMessageGroup', { AppId: 'APP1', CreatorId: 'h'.repeat(37) }, 'CreatorId', /1 to 36/],
  ['CreateMessageGroup', { AppId: 'APP1', CreatorId: 'host1', Extension: { level: 1 } }, 'Extension', /an object whose values are strings/],
  ['UpdateMessageGroup', { ...legacy, Extension: 'topic=x' }, 'Extension', /an object whose values are strings/],
  ['JoinMessageGroup', { ...legacy }, 'UserId', /non-empty string/],
  ['LeaveMessageGroup', { ...legacy, UserId: 'u', BroadCastStatistics: 1 }, 'BroadCastStatistics', /true or false/],
  ['ListMuteGroupUser', { ...legacy, PageNum: 1, PageSize: 51 }, 'PageSize', /from 1 to 50/],
  ['BatchGetOnlineUsers', { ...legacy, UserIds: Array.from({ length: 21 }, (_, i) => `u${i}`) }, 'UserIds', /1 to 20 user ids/],
];

function refusal(action: ActionName, request: object): ApiError {
  try {
    toWireParams(action, request as Actions[typeof action]['request']);
  } catch (error) {
    return error as ApiError;
  }
  assert.fail(`${action} accepted ${JSON.stringify(request).slice(0, 100)}`);
}

describe('validation: the writes of both families', () => {
  for (const [action, request, parameter, rule] of REFUSALS) {
    it(`${action} refuses ${parameter}: ${rule.source.slice(0, 60)}`, () => {
      const error = refusal(action, request);
      assert.equal(error.code, ClientErrorCode.InvalidParameter);
      assert.equal(error.parameter, parameter);
      assert.equal(error.action, action);
      assert.match(error.message, rule);
      assert.match(error.message, /Nothing was sent\.$/);
    });
  }

  it("sends lists comma-joined, maps as one JSON text, booleans as true / false, BannnedUsers with three n's", () => {
    assert.deepEqual(toWireParams('MuteGroupUser', { ...legacy, MuteUserList: ['a', 'b'], MuteTime: 0, BroadCastType: 2 }), {
      ...legacy,
      MuteUserList: 'a,b',
      BroadCastType: '2',
      MuteTime: '0',
    });
    assert.deepEqual(toWireParams('CreateMessageGroup', { AppId: 'APP1', CreatorId: 'host1', Extension: { topic: 'q&a', lang: 'zh-CN' } }), {
      AppId: 'APP1',
      CreatorId: 'host1',
      Extension: '{"topic":"q&a","lang":"zh-CN"}',
    });
    assert.deepEqual(toWireParams('ModifyLiveMessageGroupBand', { ...live, BannedAll: true, BannnedUsers: ['x', 'y'], ExceptUsers: ['admin1'] }), {
      ...live,
      BannedAll: 'true',
      BannnedUsers: 'x,y',
      ExceptUsers: 'admin1',
    });
    assert.deepEqual(toWireParams('ModifyLiveMessageGroupBand', { ...live, BannnedUsers: [] }), { ...live, BannnedUsers: '' }, 'an empty list clears');
    assert.deepEqual(
      toWireParams('SendLiveMessageGroup', { ...live, SenderId: 'u1', Body: 'hi', NoStorage: false, Weight: 1000000, DataCenter: 'ap-southeast-1' }),
      {
        ...live,
        SenderId: 'u1',
        Body: 'hi',
        NoStorage: 'false',
        Weight: '1000000',
        DataCenter: 'ap-southeast-1',
      },
    );
    assert.deepEqual(toWireParams('BatchGetOnlineUsers', { ...legacy, UserIds: ['u1', 'u2'] }), { ...legacy, UserIds: 'u1,u2' });
    assert.deepEqual(toWireParams('ModifyLiveMessageAppDisable', { AppId: 'app', Disable: false }), { AppId: 'app', Disable: 'false' });
    // A parameter set to undefined is not one given.
    assert.deepEqual(toWireParams('KickLiveMessageGroupUser', { ...live, KickoffUser: 'u', DataCenter: undefined }), { ...live, KickoffUser: 'u' });
  });

  it('refuses an action it does not know (GetMessageToken answers with a credential: it is not one of them)', () => {
    const error = refusal('GetMessageToken' as ActionName, { AppId: 'APP1', UserId: 'u', DeviceId: 'd' });
    assert.equal(error.code, ClientErrorCode.InvalidParameter);
    assert.match(error.message, /GetMessageToken is not an action this extension calls\. Nothing was sent\./);
  });

  describe('through the client', () => {
    const emulator = useEmulator();

    it('a refused write never reaches the server', async () => {
      const { client, calls } = newClient(emulator().url);
      for (const [action, request] of REFUSALS) {
        await assert.rejects(client.call(action, request as never), (error: ApiError) => error.code === ClientErrorCode.InvalidParameter);
      }
      await assert.rejects(
        client.call('CreateLiveMessageApp' as ActionName, { AppName: 'x' } as never),
        (error: ApiError) => error.code === ClientErrorCode.InvalidParameter,
      );
      assert.equal(calls.length, 0);
      assert.equal(emulator().stats().requests, 0);
    });
  });
});
