// The LiveMessage family in the tree, in the real extension host against the emulator: apps of both data centers
// beside the legacy apps, groups by token pages with the GroupStatus choice, members and Load all of the
// 100,000-member group, the super group's row, deleted groups, messages with filters, and a denial of one family
// that leaves the other.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LEGACY_ONLY_KEY, LIVE_ONLY_KEY, RESTRICTED_KEY, type RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import type { LoadAllOutcome } from '../../src/model/pagedList';
import { escapeMarkdown } from '../../src/tree/format';
import {
  children,
  configure,
  explorer,
  isLegacyApp,
  isLiveApp,
  isLiveGroup,
  isLiveMember,
  isLiveMessage,
  isLiveMessages,
  isMore,
  isNotice,
  labelOf,
  reset,
  runWithInput,
  signIn,
  signedInWorld,
  visibleText,
  type LiveAppNode,
  type LiveGroupNode,
} from './helpers';
import { picked, typed } from './testInput';

describe('LiveMessage apps in the tree (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let live: RunningEmulator['liveMessage'];

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    live = emulator.liveMessage;
  });

  after(async () => {
    await reset(api);
    await emulator.close();
  });

  beforeEach(async () => {
    emulator.setFaults({});
    await configure(api, { pageSize: 50, sortOrder: 'ascending' });
    api.tree.listOptions.clear();
    api.tree.refresh();
  });

  async function liveApp(appId: string): Promise<LiveAppNode> {
    const app = (await children(api)).find((node): node is LiveAppNode => isLiveApp(node) && node.appId === appId);
    assert.ok(app, `LiveMessage app ${appId} at the root`);
    return app;
  }

  /** The group row, loading further pages of the app's groups until it shows. */
  async function liveGroup(groupId: string, appId = live.fixtures.appId): Promise<LiveGroupNode> {
    const app = await liveApp(appId);
    const found = await api.tree.findNode(app.childId(groupId), { loadMore: true });
    assert.ok(isLiveGroup(found), `group ${groupId} under ${appId}`);
    return found;
  }

  it('lists the LiveMessage apps of both data centers beside the legacy apps, each once', async () => {
    const root = await children(api);
    const legacy = root.filter(isLegacyApp).map((app) => app.appId);
    assert.ok(legacy.includes(emulator.dataset.fixtures.appId), 'the legacy apps are still there');
    const liveIds = root.filter(isLiveApp).map((app) => app.appId);
    assert.deepEqual([...liveIds].sort(), live.apps.map((app) => app.AppId).sort());
    const shanghai = await liveApp(live.fixtures.appId);
    const singapore = await liveApp(live.fixtures.singaporeAppId);
    assert.equal(shanghai.dataCenter, 'cn-shanghai');
    assert.equal(singapore.dataCenter, 'ap-southeast-1');
    assert.match(String(singapore.treeItem().description), /LiveMessage · ap-southeast-1/);
    assert.ok(!root.some(isNotice), `no message row when both families answer: ${root.filter(isNotice).map(labelOf).join(', ')}`);
    const tooltip = visibleText([singapore]).join('\n');
    for (const field of ['AppId', 'DataCenter', 'AppKey', 'MsgLifeCycle', 'CreateTime', 'GroupStatus'])
      assert.ok(tooltip.includes(field), `tooltip names ${field}`);
  });

  it('an app in each data center shows its groups (not deleted by default), and the other data center’s groups are its own', async () => {
    const singapore = await liveApp(live.fixtures.singaporeAppId);
    const groups = (await children(api, singapore)).filter(isLiveGroup);
    const expected = live.apps.find((app) => app.AppId === live.fixtures.singaporeAppId)!.groups.filter((group) => !group.deleted);
    assert.deepEqual(
      groups.map((group) => group.group.GroupId),
      expected.map((group) => group.GroupId),
    );
    const shanghai = await liveApp(live.fixtures.appId);
    const first = await children(api, shanghai);
    assert.ok(first.some(isMore), 'the demo app has more than one page of groups');
    assert.ok(
      first.filter(isLiveGroup).every((group) => !group.group.Delete),
      'deleted groups are hidden by default',
    );
  });

  it('the GroupStatus choice lists deleted groups only, marked, and all groups again', async () => {
    const app = await liveApp(live.fixtures.appId);
    await runWithInput(api, 'imExplorer.setGroupStatus', [picked(/GroupStatus/, /^Deleted groups/)], app);
    const shown = await api.tree.findNode(app.id);
    const all = await shown!.pagedChildren()!.loadAll(new AbortController().signal, () => undefined);
    assert.equal(all.status, 'complete');
    const deleted = (await children(api, shown)).filter(isLiveGroup);
    const expected = live.apps.find((entry) => entry.AppId === live.fixtures.appId)!.groups.filter((group) => group.deleted);
    assert.deepEqual(
      deleted.map((group) => group.group.GroupId),
      expected.map((group) => group.GroupId),
    );
    assert.ok(deleted.some((group) => group.group.GroupId === live.fixtures.deletedGroupId));
    const row = deleted.find((group) => group.group.GroupId === live.fixtures.deletedGroupId)!;
    assert.match(String(row.treeItem().description), /deleted/);
    assert.equal(row.treeItem().contextValue, 'group;live;deleted');
    const inside = await children(api, row);
    assert.equal(inside.length, 1);
    assert.match(labelOf(inside[0]), /^Deleted .* by .+: its members and messages are gone$/);
    assert.match(visibleText([row]).join('\n'), /Deletor/);
    assert.match(String(row.treeItem().description), /deleted \S.*\d{2}:\d{2} by \S+/, 'once described, the row says when and by whom');
    await runWithInput(api, 'imExplorer.setGroupStatus', [picked(/GroupStatus/, /^All groups/)], await api.tree.findNode(app.id));
    const again = await api.tree.findNode(app.id);
    await again!.pagedChildren()!.loadAll(new AbortController().signal, () => undefined);
    const everything = (await children(api, again)).filter(isLiveGroup);
    assert.equal(everything.length, live.apps.find((entry) => entry.AppId === live.fixtures.appId)!.groups.length);
  });

  it('a group shows a Messages row and its members by token pages, the page size kept within 10–50', async () => {
    await configure(api, { pageSize: 5 });
    const group = await liveGroup(live.fixtures.pagedGroupId);
    const rows = await children(api, group);
    assert.ok(isLiveMessages(rows[0]), 'Messages first');
    const members = rows.filter(isLiveMember);
    assert.equal(members.length, 10, 'page size 5 is raised to 10, the smallest the API takes');
    assert.ok(
      visibleText([group])
        .join('\n')
        .includes(`| Members per page | ${escapeMarkdown('10 (the page-size setting kept within 10–50')}`),
    );
    const more = rows.find(isMore);
    assert.ok(more);
    await vscode.commands.executeCommand('imExplorer.loadMore', more);
    assert.equal((await children(api, group)).filter(isLiveMember).length, 20);
  });

  it('Load all of the 100,000-member group is complete, each member once, page after page', async function () {
    this.timeout(240_000);
    const group = await liveGroup(live.fixtures.bigGroupId);
    await children(api, group);
    const outcome = await vscode.commands.executeCommand<LoadAllOutcome>('imExplorer.loadAll', group);
    assert.equal(outcome.status, 'complete');
    assert.equal(outcome.loaded, live.fixtures.bigGroupTotal);
    const list = group.pagedChildren();
    assert.equal(new Set(list.items.map((member) => member.UserId)).size, live.fixtures.bigGroupTotal, 'each member once');
    const rows = await children(api, group);
    assert.ok(
      rows.some((node) => node.kind === 'range'),
      'shown as ranges of 1,000',
    );
  });

  it('a super group says why its members are not listed and shows its online count, not an error', async () => {
    const group = await liveGroup(live.fixtures.superGroupId);
    const rows = await children(api, group);
    assert.ok(!rows.some((node) => node.contextValue === 'notice;error'), 'no error row');
    const note = rows.find((node) => isNotice(node) && /super group/.test(labelOf(node)));
    assert.ok(note, `rows: ${rows.map(labelOf).join(', ')}`);
    const described = await api.session.client.describeLiveMessageGroup({
      AppId: live.fixtures.appId,
      GroupId: live.fixtures.superGroupId,
      DataCenter: 'cn-shanghai',
    });
    assert.ok(described.SuperLargeGroup);
    assert.ok(labelOf(note).includes(`${described.OnlineUserCounts.toLocaleString('en-US')} online`));
  });

  it('Messages are newest first, and Filter Messages… sets MsgType and a time range', async () => {
    const group = await liveGroup(live.fixtures.messagesGroupId);
    const messages = (await children(api, group)).find(isLiveMessages)!;
    const first = (await children(api, messages)).filter(isLiveMessage);
    assert.ok(first.length > 0);
    const stamps = first.map((node) => (node.json() as { Timestamp: number }).Timestamp);
    assert.deepEqual(
      stamps,
      [...stamps].sort((a, b) => b - a),
      'newest first',
    );
    const newest = stamps[0];
    const begin = stamps[stamps.length - 1];
    await runWithInput(api, 'imExplorer.filterMessages', [typed(/MsgType/, '2'), typed(/from/i, String(begin)), typed(/until/i, String(newest))], messages);
    const filtered = await api.tree.findNode(messages.id);
    const rows = (await children(api, filtered)).filter(isLiveMessage);
    assert.ok(rows.length > 0, 'some type-2 messages in the range');
    for (const row of rows) {
      const message = row.json() as { MsgType: number; Timestamp: number };
      assert.equal(message.MsgType, 2);
      assert.ok(message.Timestamp >= begin && message.Timestamp <= newest);
    }
    assert.match(String(filtered!.treeItem().description), /type 2/);
  });

  it('Filter Messages… refuses an end before the beginning and changes nothing', async () => {
    const group = await liveGroup(live.fixtures.messagesGroupId);
    const messages = (await children(api, group)).find(isLiveMessages)!;
    const { input } = await runWithInput(api, 'imExplorer.filterMessages', [typed(/MsgType/, ''), typed(/from/i, '2000'), typed(/until/i, '1000')], messages);
    assert.ok(input.messages.some((message) => message.severity === 'warning' && /before its beginning/.test(message.message)));
    assert.equal(api.tree.listOptions.get(messages.id), undefined);
  });
});

describe('one family denied leaves the other (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;

  before(async () => {
    api = await explorer();
  });

  afterEach(async () => {
    await reset(api);
    await emulator.close();
  });

  it('ListLiveMessageApps denied (NoAuth): one quiet warning row, the legacy apps all there', async () => {
    emulator = await signedInWorld(api);
    emulator.setFaults({ errorRate: 1, errorCodes: ['NoAuth'], actions: ['ListLiveMessageApps'] });
    api.tree.refresh();
    const root = await children(api);
    assert.ok(root.some((node) => isLegacyApp(node) && node.appId === emulator.dataset.fixtures.appId));
    assert.ok(!root.some(isLiveApp));
    const warnings = root.filter((node) => isNotice(node) && node.severity === 'warning');
    assert.equal(warnings.length, 1);
    assert.match(labelOf(warnings[0]), /LiveMessage apps \(live:ListLiveMessageApps\)/);
    assert.ok(!root.some((node) => isNotice(node) && node.severity === 'error'));
  });

  it('ListLiveMessageApps failing (500): an error row per data center with Retry, the legacy apps there; Retry brings the apps', async () => {
    emulator = await signedInWorld(api);
    emulator.setFaults({ errorRate: 1, errorCodes: ['ServerError'], actions: ['ListLiveMessageApps'] });
    api.tree.refresh();
    const root = await children(api);
    assert.ok(root.some((node) => isLegacyApp(node) && node.appId === emulator.dataset.fixtures.appId));
    const errors = root.filter((node) => isNotice(node) && node.severity === 'error');
    assert.deepEqual(
      errors.map((node) => /^LiveMessage apps in (\S+):/.exec(labelOf(node))?.[1]),
      ['cn-shanghai', 'ap-southeast-1'],
    );
    assert.equal(errors[0].contextValue, 'notice;error', 'the error row offers Retry');
    emulator.setFaults({});
    await vscode.commands.executeCommand('imExplorer.retry', errors[0]);
    const again = await children(api);
    assert.equal(again.filter(isLiveApp).length, emulator.liveMessage.apps.length);
    assert.ok(!again.some((node) => isNotice(node) && node.severity === 'error'));
  });

  it('ListMessageApp denied (Forbidden.RAM): the LiveMessage apps are all there', async () => {
    emulator = await signedInWorld(api);
    await signIn(api, 'restricted', RESTRICTED_KEY);
    const root = await children(api);
    assert.ok(root.some((node) => isNotice(node) && /live:ListMessageApp\)/.test(labelOf(node))));
    assert.equal(root.filter(isLiveApp).length, emulator.liveMessage.apps.length);
  });

  it('a family the account does not use shows nothing, not an error row: an old account (legacy only), a new one (LiveMessage only)', async () => {
    emulator = await signedInWorld(api);
    await signIn(api, 'old-customer', LEGACY_ONLY_KEY);
    const old = await children(api);
    assert.ok(
      old.some((node) => isLegacyApp(node) && node.appId === emulator.dataset.fixtures.appId),
      'the legacy apps',
    );
    assert.ok(!old.some(isLiveApp), 'no LiveMessage app');
    assert.deepEqual(old.filter(isNotice).map(labelOf), [], 'no warning or error row');

    await signIn(api, 'new-customer', LIVE_ONLY_KEY);
    const fresh = await children(api);
    assert.equal(fresh.filter(isLiveApp).length, emulator.liveMessage.apps.length, 'the LiveMessage apps');
    assert.ok(!fresh.some(isLegacyApp), 'no legacy app');
    assert.deepEqual(fresh.filter(isNotice).map(labelOf), [], 'no warning or error row');
  });
});
