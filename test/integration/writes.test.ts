// The write actions in the real extension host against the emulator, both families from one table: each write
// cancelled at each of its prompts leaves the service as it was (read back from the emulator through the API), and
// done it changes what it says; with the setting off, or only a workspace's setting on, nothing is sent; a write
// whose answer never comes is "unknown", not sent again, and the check after it tells the truth; the Ban bucket
// keeps the 11th call of a second from reaching the server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ACTION_INFO, type ActionName } from '../../src/api/types';
import type { WriteOutcome } from '../../src/commands/write/perform';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/node';
import {
  children,
  configure,
  explorer,
  isLegacyApp,
  isLegacyGroup,
  isLegacyMember,
  isLiveApp,
  isLiveGroup,
  isLiveMember,
  isLiveMessage,
  isLiveMessages,
  quietTree,
  reset,
  signedInWorld,
  type LegacyGroupNode,
  type LiveGroupNode,
} from './helpers';
import { waitUntil } from '../harness/wait';
import { confirmed, picked, TestUserInput, typed, withInput, type Step } from './testInput';

const WRITE_ACTIONS = (Object.keys(ACTION_INFO) as ActionName[]).filter((action) => ACTION_INFO[action].kind === 'write');
const NEW_LIVE_GROUP = 'scratchRoom7';
const LEGACY_CREATOR = 'scratchCreator1';

/** One write as a user does it: the row, the prompts answered in full, the state it changes read back. */
interface WriteCase {
  name: string;
  command: string;
  action: ActionName;
  row(): Promise<ExplorerNode>;
  steps(): Step[];
  /** The state the write changes, read from the service (not from the tree). */
  state(): Promise<unknown>;
  /** The state once done, from the state before. */
  expect(before: unknown, after: unknown, outcome: WriteOutcome): void;
}

describe('write actions (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  const legacy = () => emulator.dataset.fixtures;
  const live = () => emulator.liveMessage.fixtures;
  const where = () => ({ AppId: live().appId, GroupId: live().sandboxGroupId, DataCenter: 'cn-shanghai' as const });
  const writesSent = () => WRITE_ACTIONS.reduce((sum, action) => sum + (emulator.stats().byAction[action] ?? 0), 0);

  async function legacyGroup(): Promise<LegacyGroupNode> {
    const app = (await children(api)).find((node) => isLegacyApp(node) && node.appId === legacy().appId);
    assert.ok(app && isLegacyApp(app));
    const found = await api.tree.findNode(app.childId(legacy().userId) + `/group/${encodeURIComponent(legacy().smallGroupId)}`, { loadMore: true });
    assert.ok(isLegacyGroup(found), 'the small legacy group');
    return found;
  }

  async function liveGroup(groupId = live().sandboxGroupId): Promise<LiveGroupNode> {
    const app = (await children(api)).find((node) => isLiveApp(node) && node.appId === live().appId);
    assert.ok(app && isLiveApp(app));
    const found = await api.tree.findNode(app.childId(groupId), { loadMore: true });
    assert.ok(isLiveGroup(found), `the LiveMessage group ${groupId}`);
    return found;
  }

  async function liveMember(index = 0): Promise<ExplorerNode> {
    const members = (await children(api, await liveGroup())).filter(isLiveMember);
    assert.ok(members[index], `member ${index} of the sandbox`);
    return members[index];
  }

  const legacyMutes = async () =>
    (await api.session.client.listMuteGroupUser({ AppId: legacy().appId, GroupId: legacy().smallGroupId, PageNum: 1, PageSize: 50 })).Result.UserList.map(
      (user) => user.UserId,
    ).sort();
  const liveBand = async () => {
    const { IsbannedAll, BannedUserList, UnbannedUserList } = await api.session.client.call('DescribeLiveMessageGroupBand', where());
    return { IsbannedAll, BannedUserList, UnbannedUserList };
  };
  const legacyMember = async () => (await children(api, await legacyGroup())).find(isLegacyMember)!;

  const CASES: WriteCase[] = [
    {
      name: 'legacy: Send Test Message… to a group',
      command: 'sendTestMessage',
      action: 'SendMessageToGroup',
      row: legacyGroup,
      steps: () => [
        typed(/^Sender \(OperatorUserId\) \(1\/4\)$/, legacy().userId),
        typed(/^Message \(Data, JSON\)/, '{"text":"written by a test"}'),
        typed(/^Message type \(Type\)/, '10001'),
        picked(/^Moderation \(SkipAudit\)/, /^Moderated$/),
        confirmed(/^Send a test message to group /, 'Send'),
      ],
      state: async () =>
        (
          await api.session.client.listMessage({ AppId: legacy().appId, GroupId: legacy().smallGroupId, PageNum: 1, PageSize: 50, SortType: 1 })
        ).Result.MessageList.map((message) => message.Data),
      expect: (before, after, outcome) => {
        assert.equal((after as string[])[0], '{"text":"written by a test"}', 'the newest message is the one sent');
        assert.equal((after as string[]).length, Math.min(50, (before as string[]).length + 1));
        assert.equal(outcome.check?.done, true);
      },
    },
    {
      name: 'LiveMessage: Send Test Message… to a group',
      command: 'sendTestMessage',
      action: 'SendLiveMessageGroup',
      row: () => liveGroup(),
      steps: () => [
        typed(/^Sender \(SenderId\)/, 'tester'),
        typed(/^Message \(Body\)/, '{"text":"written by a test"}'),
        typed(/^Message type \(MsgType\)/, '1'),
        picked(/^Storage \(NoStorage, NoCache\)/, /^Stored and cached$/),
        confirmed(/^Send a test message to group /, 'Send'),
      ],
      state: async () =>
        (await api.session.client.call('ListLiveMessageGroupMessages', { ...where(), SortType: 2, PageSize: 50 })).MessageList.map((message) => message.Body),
      expect: (_before, after, outcome) => {
        assert.equal((after as string[])[0], '{"text":"written by a test"}');
        assert.equal(outcome.check?.done, true);
      },
    },
    {
      name: 'legacy: Mute All…',
      command: 'muteAll',
      action: 'MuteAllGroupUser',
      row: legacyGroup,
      steps: () => [typed(/^Operator \(OperatorUserId\)$/, legacy().userId), confirmed(/^Mute everyone in group /, 'Mute All')],
      state: async () => (await api.session.client.getMessageGroup({ AppId: legacy().appId, GroupId: legacy().smallGroupId })).Result.IsMuteAll,
      expect: (before, after) => {
        assert.equal(before, false);
        assert.equal(after, true);
      },
    },
    {
      name: 'legacy: Unmute All…',
      command: 'unmuteAll',
      action: 'CancelMuteAllGroupUser',
      row: legacyGroup,
      steps: () => [typed(/^Operator \(OperatorUserId\)$/, groupCreator()), confirmed(/^Unmute everyone in group /, 'Unmute All')],
      state: async () => (await api.session.client.getMessageGroup({ AppId: legacy().appId, GroupId: legacy().smallGroupId })).Result.IsMuteAll,
      expect: (before, after) => {
        assert.equal(before, true);
        assert.equal(after, false);
      },
    },
    {
      name: 'LiveMessage: Mute All… with an exception',
      command: 'muteAll',
      action: 'BanLiveMessageGroup',
      row: () => liveGroup(),
      steps: () => [typed(/^Mute all in .*: exceptions \(ExceptUsers\)$/, 'vip1'), confirmed(/^Mute everyone in group /, 'Mute All')],
      state: liveBand,
      expect: (before, after) => {
        assert.equal((before as { IsbannedAll: boolean }).IsbannedAll, false);
        assert.equal((after as { IsbannedAll: boolean }).IsbannedAll, true);
        assert.deepEqual((after as { UnbannedUserList: string[] }).UnbannedUserList, ['vip1']);
      },
    },
    {
      name: 'LiveMessage: Unmute All…',
      command: 'unmuteAll',
      action: 'UnbanLiveMessageGroup',
      row: () => liveGroup(),
      steps: () => [confirmed(/^Unmute everyone in group /, 'Unmute All')],
      state: liveBand,
      expect: (_before, after) => assert.equal((after as { IsbannedAll: boolean }).IsbannedAll, false),
    },
    {
      name: 'legacy: Mute Member… for ten minutes',
      command: 'muteMember',
      action: 'MuteGroupUser',
      row: legacyMember,
      steps: () => [typed(/^Mute for \(MuteTime, seconds\)$/, '600'), confirmed(/^Mute .* in group /, 'Mute')],
      state: legacyMutes,
      expect: (before, after, outcome) => {
        assert.equal((after as string[]).length, (before as string[]).length + 1);
        assert.equal(outcome.check?.done, true);
      },
    },
    {
      name: 'legacy: Unmute Member…',
      command: 'unmuteMember',
      action: 'CancelMuteGroupUser',
      row: legacyMember,
      steps: () => [confirmed(/^Unmute .* in group /, 'Unmute')],
      state: legacyMutes,
      expect: (before, after) => assert.equal((after as string[]).length, (before as string[]).length - 1),
    },
    {
      name: 'LiveMessage: Mute Member…',
      command: 'muteMember',
      action: 'AddLiveMessageGroupBand',
      row: () => liveMember(1),
      steps: () => [confirmed(/^Mute .* in group /, 'Mute')],
      state: async () => (await liveBand()).BannedUserList,
      expect: (before, after) => assert.equal((after as string[]).length, (before as string[]).length + 1),
    },
    {
      name: 'LiveMessage: Unmute Member… on the group, by UserId',
      command: 'unmuteMember',
      action: 'RemoveLiveMessageGroupBand',
      row: () => liveGroup(),
      steps: () => [typed(/^Unmute in .*: UserIds$/, mutedLiveMember()), confirmed(/^Unmute UserIds in group /, 'Unmute')],
      state: async () => (await liveBand()).BannedUserList,
      expect: (before, after) => assert.equal((after as string[]).length, (before as string[]).length - 1),
    },
    {
      name: 'LiveMessage: Kick Member…',
      command: 'kickMember',
      action: 'KickLiveMessageGroupUser',
      row: () => liveMember(2),
      steps: () => [confirmed(/^Kick .* out of group /, 'Kick')],
      state: async () =>
        (await api.session.client.call('ListLiveMessageGroupUsers', { ...where(), SortType: 1, PageSize: 50 })).UserList.map((user) => user.UserId),
      expect: (before, after) => assert.equal((after as string[]).length, (before as string[]).length - 1),
    },
    {
      name: 'legacy: Create Group… on a user',
      command: 'createGroup',
      action: 'CreateMessageGroup',
      row: async () => {
        const group = await legacyGroup();
        assert.ok(group.parent);
        return group.parent;
      },
      // A CreatorId is letters and digits only (the emulator's UserIds have underscores).
      steps: () => [
        typed(/^Creator \(CreatorId\)/, LEGACY_CREATOR),
        typed(/^Extension/, '{"topic":"test"}'),
        confirmed(/^Create a message group in app /, 'Create'),
      ],
      state: async () => (await api.session.client.listMessageGroup({ AppId: legacy().appId, UserId: LEGACY_CREATOR, PageNum: 1, PageSize: 1 })).Result.Total,
      expect: (before, after) => assert.equal(after, (before as number) + 1),
    },
    {
      name: 'LiveMessage: Create Group…',
      command: 'createGroup',
      action: 'CreateLiveMessageGroup',
      row: async () => (await children(api)).find((node) => isLiveApp(node) && node.appId === live().appId)!,
      steps: () => [
        typed(/^New group: GroupId/, NEW_LIVE_GROUP),
        typed(/^New group: GroupName/, 'Scratch room'),
        typed(/^New group: Administrators/, ''),
        typed(/^New group: CreatorId/, ''),
        confirmed(/^Create a group in app /, 'Create'),
      ],
      state: async () =>
        api.session.client
          .call('DescribeLiveMessageGroup', { ...where(), GroupId: NEW_LIVE_GROUP })
          .then((group) => (group.Delete ? 'deleted' : 'there'))
          .catch(() => 'absent'),
      expect: (before, after) => {
        assert.equal(before, 'absent');
        assert.equal(after, 'there');
      },
    },
    {
      name: 'LiveMessage: Delete Group… (the GroupId typed)',
      command: 'deleteGroup',
      action: 'DeleteLiveMessageGroup',
      row: () => liveGroup(NEW_LIVE_GROUP),
      steps: () => [typed(/^Delete group .*: type the GroupId to confirm$/, NEW_LIVE_GROUP)],
      state: async () => (await api.session.client.call('DescribeLiveMessageGroup', { ...where(), GroupId: NEW_LIVE_GROUP })).Delete,
      expect: (before, after) => {
        assert.equal(before, false);
        assert.equal(after, true);
      },
    },
    {
      name: 'LiveMessage: Recover Group… on a deleted group',
      command: 'recoverGroup',
      action: 'RecoverLiveMessageDeletedGroup',
      row: async () => {
        const app = (await children(api)).find((node) => isLiveApp(node) && node.appId === live().appId)!;
        if (isLiveApp(app) && app.groupStatus !== 0) {
          const input = new TestUserInput([picked(/^GroupStatus: which groups/, /^All groups$/)]);
          await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.setGroupStatus', app));
          input.assertDone();
        }
        return liveGroup(NEW_LIVE_GROUP);
      },
      steps: () => [confirmed(/^Recover deleted group /, 'Recover')],
      state: async () => (await api.session.client.call('DescribeLiveMessageGroup', { ...where(), GroupId: NEW_LIVE_GROUP })).Delete,
      expect: (before, after) => {
        assert.equal(before, true);
        assert.equal(after, false);
      },
    },
    {
      name: 'LiveMessage: Delete Message…',
      command: 'deleteMessage',
      action: 'DeleteLiveMessageGroupMessage',
      row: async () => {
        const messages = (await children(api, await liveGroup())).find(isLiveMessages);
        assert.ok(messages);
        const message = (await children(api, messages)).find(isLiveMessage);
        assert.ok(message, 'a message of the sandbox');
        return message;
      },
      steps: () => [confirmed(/^Delete message .* of group /, 'Delete')],
      state: async () =>
        (await api.session.client.call('ListLiveMessageGroupMessages', { ...where(), SortType: 2, PageSize: 50 })).MessageList.map((message) => message.MsgTid),
      expect: (before, after) => assert.equal((after as string[]).length, (before as string[]).length - 1),
    },
    {
      name: 'LiveMessage: Disable App… (the AppId typed)',
      command: 'disableApp',
      action: 'ModifyLiveMessageAppDisable',
      row: async () => (await children(api)).find((node) => isLiveApp(node) && node.appId === otherLiveAppId())!,
      steps: () => [typed(/^Disable app .*: type the AppId to confirm$/, otherLiveAppId())],
      state: async () => (await api.session.client.call('DescribeLiveMessageApp', { AppId: otherLiveAppId(), DataCenter: 'cn-shanghai' })).Disable,
      expect: (before, after) => {
        assert.equal(before, false);
        assert.equal(after, true);
      },
    },
    {
      name: 'LiveMessage: Enable App…',
      command: 'enableApp',
      action: 'ModifyLiveMessageAppDisable',
      row: async () => (await children(api)).find((node) => isLiveApp(node) && node.appId === otherLiveAppId())!,
      steps: () => [confirmed(/^Enable app .* again\?$/, 'Enable')],
      state: async () => (await api.session.client.call('DescribeLiveMessageApp', { AppId: otherLiveAppId(), DataCenter: 'cn-shanghai' })).Disable,
      expect: (before, after) => {
        assert.equal(before, true);
        assert.equal(after, false);
      },
    },
  ];

  let creator = '';
  const groupCreator = () => creator;
  let mutedLive = '';
  const mutedLiveMember = () => mutedLive;
  const otherLiveAppId = () => emulator.liveMessage.apps.find((app) => app.DataCenter === 'cn-shanghai' && app.AppId !== live().appId)!.AppId;

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    await configure(api, { users: { [legacy().appId]: [legacy().userId] }, pageSize: 50, enableWriteActions: true });
    creator = (await legacyGroup()).creatorId;
  });

  after(async () => {
    await reset(api);
    await emulator.close();
  });

  beforeEach(() => emulator.setFaults({}));

  async function run(command: string, row: ExplorerNode, steps: Step[]): Promise<{ outcome: WriteOutcome | undefined; input: TestUserInput }> {
    const input = new TestUserInput(steps);
    const outcome = await withInput(api, input, () => vscode.commands.executeCommand<WriteOutcome | undefined>(`imExplorer.${command}`, row));
    try {
      input.assertDone();
    } catch (error) {
      throw new Error(`${String(error)}\nmessages shown: ${JSON.stringify(input.messages)}`, { cause: error });
    }
    return { outcome, input };
  }

  for (const each of CASES) {
    it(`${each.name}: cancelled at each prompt it sends nothing and changes nothing; done, it changes what it says`, async () => {
      const steps = each.steps();
      const before = await each.state();
      for (let stop = 0; stop < steps.length; stop++) {
        const sent = writesSent();
        const script = [...steps.slice(0, stop), { ...steps[stop], answer: undefined }];
        const { input } = await run(each.command, await each.row(), script);
        assert.equal(writesSent(), sent, `nothing sent when prompt ${stop + 1} (${steps[stop].match}) is cancelled`);
        assert.deepEqual(await each.state(), before, `the state is as it was after a cancel at prompt ${stop + 1}`);
        assert.deepEqual(
          input.messages.filter((message) => message.severity !== 'info'),
          [],
          'a cancel is silent',
        );
      }
      const sent = emulator.stats().byAction[each.action] ?? 0;
      const row = await each.row();
      const { outcome, input } = await run(each.command, row, steps);
      assert.ok(outcome, 'the write ran');
      assert.equal(outcome.outcome, 'done');
      assert.equal((emulator.stats().byAction[each.action] ?? 0) - sent, 1, `one ${each.action} sent`);
      each.expect(before, await each.state(), outcome);
      const confirmation = input.prompts.find((prompt) => prompt.kind === 'confirm' || /type the .* to confirm/.test(prompt.text));
      assert.ok(confirmation, 'a confirmation was asked');
      const named = confirmation.detail ?? confirmation.prompt ?? '';
      assert.match(named, /Profile: demo/, 'the confirmation names the profile');
      assert.match(named, /AppId: /, 'and the app');
      assert.ok(
        api.log.recent.some((line) => line.includes(`Write ${each.action} profile=demo`) && /done RequestId=\S+/.test(line)),
        'the write is in the log with its RequestId',
      );
      if (each.action === 'AddLiveMessageGroupBand' && isLiveMember(row)) mutedLive = row.userId;
      await quietTree(api);
    });
  }

  it('the muted state shows on the rows a write changed, and Show Muted Members lists it', async () => {
    const member = await liveMember(3);
    assert.ok(isLiveMember(member));
    await run('muteMember', member, [confirmed(/^Mute .* in group /, 'Mute')]);
    const shown = await api.tree.findNode(member.id);
    assert.ok(shown);
    assert.match(String(shown.treeItem().description), /muted/, 'the member row says muted');
    const input = new TestUserInput([picked(/^Muted in /, new RegExp(`^${member.userId}$`))]);
    const group = await liveGroup();
    const muted = (await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.showMutedMembers', group))) as { users: string[] };
    input.assertDone();
    assert.ok(muted.users.includes(member.userId));
    assert.equal(api.treeView.selection[0]?.id, member.id, 'the member picked is revealed');
  });

  it('with the setting off, no write command asks or sends anything, and each says how to turn them on', async () => {
    const rows = new Map<string, ExplorerNode>();
    for (const each of CASES) if (!rows.has(each.command)) rows.set(each.command, await each.row().catch(async () => liveGroup()));
    await configure(api, { enableWriteActions: false });
    try {
      const sent = writesSent();
      for (const [command, row] of rows) {
        const { input } = await run(command, row, []);
        assert.equal(input.prompts.length, 0, `${command} asked nothing`);
        assert.equal(input.messages.length, 1, `${command} said why`);
        assert.match(input.messages[0].message, /imExplorer\.enableWriteActions.*Nothing was sent/);
        assert.deepEqual(input.messages[0].actions, ['Open Settings']);
      }
      assert.equal(writesSent(), sent, 'nothing was sent');
      const { input } = await run('showMutedMembers', await liveGroup(), [picked(/^Muted in /, undefined)]);
      assert.equal(input.messages.length, 0, 'Show Muted Members reads: it works with writes off');
    } finally {
      await configure(api, { enableWriteActions: true });
    }
  });

  it('a workspace setting cannot turn write actions on', async () => {
    await configure(api, { enableWriteActions: false });
    const workspace = process.env.IME_IT_WORKSPACE;
    assert.ok(workspace, 'the test workspace');
    const settingsFile = path.join(workspace, '.vscode', 'settings.json');
    await assert.rejects(
      Promise.resolve(vscode.workspace.getConfiguration('imExplorer').update('enableWriteActions', true, vscode.ConfigurationTarget.Workspace)),
      /enableWriteActions/,
      'VS Code refuses to write it into the workspace',
    );
    // What a cloned repository could carry: the setting in its own .vscode/settings.json, beside one that counts.
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'imExplorer.enableWriteActions': true, 'editor.tabSize': 7 }));
    const workspaceTabSize = () => vscode.workspace.getConfiguration('editor').inspect('tabSize')?.workspaceValue;
    try {
      await waitUntil(() => workspaceTabSize() === 7, { timeout: 5000, interval: 20, message: 'the workspace settings file read' });
      assert.equal(workspaceTabSize(), 7, 'the workspace settings file was read');
      const sent = writesSent();
      const { input } = await run('muteAll', await liveGroup(), []);
      assert.equal(input.prompts.length, 0);
      assert.match(input.messages[0]?.message ?? '', /imExplorer\.enableWriteActions/);
      assert.equal(writesSent(), sent, 'nothing was sent');
    } finally {
      fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
      await waitUntil(() => workspaceTabSize() === undefined, { timeout: 5000, interval: 20 }).catch(() => undefined);
      await configure(api, { enableWriteActions: true });
    }
  });

  it('a write whose answer never comes is unknown, is not sent again, and the check that follows tells the truth', async () => {
    await configure(api, { requestTimeoutSeconds: 1 });
    try {
      // The emulator does the write, then never answers: the client times out once the request was sent.
      emulator.setFaults({ hangRate: 1, actions: ['SendLiveMessageGroup'] });
      const sent = emulator.stats().byAction.SendLiveMessageGroup ?? 0;
      const input = new TestUserInput([
        typed(/^Sender \(SenderId\)/, 'tester'),
        typed(/^Message \(Body\)/, '{"text":"lost answer"}'),
        typed(/^Message type \(MsgType\)/, '1'),
        picked(/^Storage \(NoStorage, NoCache\)/, /^Stored and cached$/),
        confirmed(/^Send a test message to group /, 'Send'),
      ]).answerMessage(/may or may not have happened/, 'Check');
      const group = await liveGroup();
      const outcome = await withInput(api, input, () => vscode.commands.executeCommand<WriteOutcome>('imExplorer.sendTestMessage', group));
      input.assertDone();
      emulator.setFaults({});
      assert.equal(outcome?.outcome, 'unknown');
      assert.equal((emulator.stats().byAction.SendLiveMessageGroup ?? 0) - sent, 1, 'sent once, never again');
      const unknown = input.messages.find((message) => /may or may not have happened/.test(message.message));
      assert.ok(unknown, 'the message says the outcome is unknown');
      assert.deepEqual(unknown.actions, ['Check']);
      assert.equal(outcome?.check?.done, true, 'the check finds the message the emulator did store');
      assert.ok(input.messages.some((message) => /It happened/.test(message.message)));
      const newest = (await api.session.client.call('ListLiveMessageGroupMessages', { ...where(), SortType: 2, PageSize: 10 })).MessageList[0];
      assert.equal(newest.Body, '{"text":"lost answer"}', 'the emulator holds it: the check was right');
      assert.ok(api.log.recent.some((line) => /Write SendLiveMessageGroup .*outcome unknown/.test(line)));
    } finally {
      emulator.setFaults({});
      await configure(api, { requestTimeoutSeconds: 10 });
    }
  });

  it('the 11th Ban of a second waits in the client: the server throttles none of them', async () => {
    const throttled = emulator.stats().throttled;
    const calls = Array.from({ length: 11 }, () => api.session.client.call('BanLiveMessageGroup', where()));
    const answers = await Promise.all(calls);
    assert.equal(answers.length, 11);
    assert.ok(answers.every((answer) => typeof answer.RequestId === 'string'));
    assert.equal(emulator.stats().throttled, throttled, 'no Throttling.User from the server');
    await api.session.client.call('UnbanLiveMessageGroup', where());
  });
});
