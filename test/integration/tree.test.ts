import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import type { AppNode } from '../../src/tree/legacy/appNode';
import { escapeMarkdown } from '../../src/tree/format';
import type { GroupNode } from '../../src/tree/legacy/groupNode';
import type { MemberNode } from '../../src/tree/legacy/memberNode';
import type { NoticeNode } from '../../src/tree/noticeNode';
import type { ExplorerNode } from '../../src/tree/node';
import type { UserNode } from '../../src/tree/legacy/userNode';
import { ExplorerTreeProvider } from '../../src/tree/provider';
import { ExpansionMemory } from '../../src/model/expansion';
import { parseFilter } from '../../src/model/filter';
import type { LoadAllOutcome } from '../../src/model/pagedList';
import {
  assertNoSecrets,
  children,
  configure,
  explorer,
  isLegacyApp,
  isLegacyGroup,
  isMore,
  isLegacyMember,
  isNotice,
  isRange,
  isLegacyUser,
  labelOf,
  reset,
  runWithInput,
  selectionWhen,
  signedInWorld,
  visibleText,
  quietTree,
} from './helpers';
import { waitUntil } from '../harness/wait';
import { typed } from './testInput';

describe('explorer tree (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let fixtures: RunningEmulator['dataset']['fixtures'];

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    fixtures = emulator.dataset.fixtures;
  });

  after(async () => {
    await reset(api);
    await emulator.close();
  });

  beforeEach(async () => {
    emulator.setFaults({});
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId, fixtures.manyGroupsUserId] }, pageSize: 50, sortOrder: 'ascending' });
    api.tree.refresh();
  });

  async function demoApp(): Promise<AppNode> {
    const app = (await children(api)).find((node): node is AppNode => isLegacyApp(node) && node.appId === fixtures.appId);
    assert.ok(app, 'demo app listed');
    return app;
  }

  async function user(userId: string): Promise<UserNode> {
    const found = (await children(api, await demoApp())).find((node): node is UserNode => isLegacyUser(node) && node.userId === userId);
    assert.ok(found, `user ${userId} under the demo app`);
    return found;
  }

  async function group(groupId: string, owner = fixtures.userId): Promise<GroupNode> {
    const parent = await user(owner);
    let nodes = await children(api, parent);
    for (let i = 0; i < 5 && !nodes.some((node) => isLegacyGroup(node) && node.group.GroupId === groupId); i++) {
      const more = nodes.find((node) => isMore(node));
      if (!more) break;
      await vscode.commands.executeCommand('imExplorer.loadMore', more);
      nodes = await children(api, parent);
    }
    const found = nodes.find((node): node is GroupNode => isLegacyGroup(node) && node.group.GroupId === groupId);
    assert.ok(found, `group ${groupId}`);
    return found;
  }

  it('lists apps, then the configured users of an app, with no request before a node is expanded', async () => {
    await quietTree(api);
    emulator.resetStats();
    api.tree.refresh();
    assert.equal(emulator.stats().requests, 0, 'nothing loads before the view asks');
    const apps = await children(api);
    assert.equal(emulator.stats().byAction.ListMessageApp, 1);
    // The legacy apps (the LiveMessage apps the same key sees follow them: liveMessage.test.ts).
    assert.deepEqual(
      apps
        .filter(isLegacyApp)
        .map((node) => node.ids().appId)
        .sort(),
      emulator.dataset.apps.map((app) => app.AppId).sort(),
    );
    const users = await children(api, await demoApp());
    assert.deepEqual(users.map(labelOf), [fixtures.userId, fixtures.manyGroupsUserId]);
    assert.equal(emulator.stats().byAction.ListMessageGroup ?? 0, 0, 'users are configured, not fetched');
    assert.equal(emulator.stats().byAction.ListMessageGroupUser ?? 0, 0);
  });

  it("pages a user's groups with Load more, and shows Total on the user", async () => {
    await configure(api, { pageSize: 20 });
    const many = await user(fixtures.manyGroupsUserId);
    let nodes = await children(api, many);
    assert.equal(nodes.filter((node) => isLegacyGroup(node)).length, 20);
    const more = nodes.at(-1);
    assert.ok(isMore(more));
    assert.match(String(more.treeItem().description), new RegExp(`20 of ${fixtures.manyGroupsCount} groups`));
    assert.equal(await vscode.commands.executeCommand('imExplorer.loadMore', more), 40);
    nodes = await children(api, many);
    assert.equal(nodes.filter((node) => isLegacyGroup(node)).length, 40);
    await vscode.commands.executeCommand('imExplorer.loadMore', nodes.at(-1));
    nodes = await children(api, many);
    const groupIds = nodes.filter((node): node is GroupNode => isLegacyGroup(node)).map((node) => node.group.GroupId);
    assert.equal(groupIds.length, fixtures.manyGroupsCount);
    assert.equal(new Set(groupIds).size, groupIds.length);
    assert.ok(!nodes.some((node) => isMore(node)), 'no Load more at the end');
    assert.match(String(many.treeItem().description), new RegExp(`${fixtures.manyGroupsCount} groups`));
  });

  it('shows members page by page; Load all brings every member once', async () => {
    await configure(api, { pageSize: 50 });
    const paged = await group(fixtures.pagedGroupId);
    let nodes = await children(api, paged);
    assert.equal(nodes.filter((node) => isLegacyMember(node)).length, 50);
    assert.ok(isMore(nodes.at(-1)));
    assert.match(String(paged.treeItem().description), new RegExp(`${fixtures.pagedGroupTotal} members`));
    const outcome = (await vscode.commands.executeCommand('imExplorer.loadAll', paged)) as LoadAllOutcome;
    assert.deepEqual({ loaded: outcome.loaded, status: outcome.status }, { loaded: fixtures.pagedGroupTotal, status: 'complete' });
    nodes = await children(api, paged);
    const ids = nodes.filter((node): node is MemberNode => isLegacyMember(node)).map((node) => node.member.UserId);
    assert.equal(ids.length, fixtures.pagedGroupTotal);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(!nodes.some((node) => isMore(node)));
  });

  it('cancels Load all of a 100,000-member group, keeping what was loaded and the tree usable', async () => {
    emulator.setFaults({ latencyMs: 20 });
    const big = await group(fixtures.bigGroupId);
    await children(api, big);
    const list = big.pagedChildren();
    const controller = new AbortController();
    let progressCalls = 0;
    const outcome = await list.loadAll(controller.signal, (loaded) => {
      progressCalls++;
      if (loaded >= 500) controller.abort();
    });
    assert.equal(outcome.status, 'cancelled');
    assert.ok(progressCalls > 0);
    const kept = list.items.length;
    assert.ok(kept >= 500, `what was loaded before the cancel stays (${kept})`);
    assert.equal(new Set(list.items.map((member) => member.UserId)).size, kept, 'each member once');
    emulator.setFaults({});
    const again = (await vscode.commands.executeCommand('imExplorer.loadAll', big)) as LoadAllOutcome;
    assert.equal(again.status, 'complete');
    assert.equal(list.items.length, fixtures.bigGroupTotal, 'Load all after a cancel loads everything');
    assert.equal(new Set(list.items.map((member) => member.UserId)).size, fixtures.bigGroupTotal);
  });

  it('shows a list of more than 1,000 rows as ranges of 1,000; a range opens to its members; findNode and reveal go through it', async () => {
    const big = await group(fixtures.bigGroupId);
    await children(api, big);
    const outcome = (await vscode.commands.executeCommand('imExplorer.loadAll', big)) as LoadAllOutcome;
    assert.equal(outcome.status, 'complete');
    const items = big.pagedChildren().items;
    const ranges = await children(api, big);
    assert.equal(ranges.length, Math.ceil(fixtures.bigGroupTotal / 1000));
    assert.ok(ranges.every(isRange), 'only range rows under the group');
    assert.deepEqual(
      [labelOf(ranges[0]), labelOf(ranges[ranges.length - 1])],
      ['1 – 1,000', `${(fixtures.bigGroupTotal - 999).toLocaleString('en-US')} – ${fixtures.bigGroupTotal.toLocaleString('en-US')}`],
    );
    const members = await children(api, ranges[37]);
    assert.deepEqual(
      members.map((node) => (isLegacyMember(node) ? node.member.UserId : node.kind)),
      items.slice(37_000, 38_000).map((member) => member.UserId),
    );
    const far = items[73_456];
    const found = await api.tree.findNode(`${big.id}/member/${encodeURIComponent(far.UserId)}`);
    assert.ok(isLegacyMember(found) && found.member.UserId === far.UserId, 'findNode walks through the range');
    const parent = api.tree.getParent(found);
    assert.ok(isRange(parent) && parent.start === 73_000, 'the member is shown under its range');
    await api.treeView.reveal(found, { select: true });
    assert.equal(await selectionWhen(api, (node) => node === found), found);
    const filter = parseFilter(`member: ${far.UserId}`);
    assert.ok(!('problem' in filter));
    api.tree.setFilter(filter);
    try {
      const filtered = await children(api, big);
      assert.ok(
        filtered.some((node) => isLegacyMember(node) && node.member.UserId === far.UserId),
        'few matches are shown directly',
      );
      assert.ok(!filtered.some(isRange));
      assert.equal(api.tree.getParent(filtered.find(isLegacyMember)!), big);
    } finally {
      api.tree.setFilter(undefined);
    }
  });

  it('a page that keeps failing stops Load all, keeps what was loaded, and Resume finishes it', async () => {
    const thousand = await group(fixtures.thousandGroupId);
    await children(api, thousand);
    const list = thousand.pagedChildren();
    let broken = false;
    const outcome = await list.loadAll(new AbortController().signal, (loaded) => {
      if (!broken && loaded >= 200) {
        broken = true;
        emulator.setFaults({ errorRate: 1, errorCodes: ['InternalError'], actions: ['ListMessageGroupUser'] });
      }
    });
    assert.equal(outcome.status, 'stopped');
    assert.ok(outcome.loaded >= 200 && outcome.loaded < fixtures.thousandGroupTotal, `kept ${outcome.loaded}`);
    assert.equal(list.items.length, outcome.loaded);
    const rows = await children(api, thousand);
    const stopped = rows.find((node): node is NoticeNode => isNotice(node) && node.contextValue === 'notice;stopped');
    assert.ok(stopped, rows.slice(-2).map(labelOf).join(' | '));
    assert.match(
      labelOf(stopped),
      new RegExp(`^Loaded [\\d,]+ of ${fixtures.thousandGroupTotal.toLocaleString('en-US')} — stopped at page \\d+: .*server had a problem`),
    );
    assert.ok(!rows.some((node) => isMore(node)), 'Resume, not Load more, continues it');
    emulator.setFaults({});
    const resumed = (await vscode.commands.executeCommand('imExplorer.resumeLoad', stopped)) as LoadAllOutcome;
    assert.equal(resumed.status, 'complete');
    assert.equal(list.items.length, fixtures.thousandGroupTotal);
    assert.equal(new Set(list.items.map((member) => member.UserId)).size, fixtures.thousandGroupTotal, 'each member once');
    assert.ok(!(await children(api, thousand)).some((node) => /^notice;(stopped|changed)/.test(node.contextValue ?? '')));
  });

  it('Load all while members leave and join (newest first): catches up, never says all, and says what remains', async () => {
    await configure(api, { sortOrder: 'descending' });
    api.tree.refresh();
    const thousand = await group(fixtures.thousandGroupId);
    await children(api, thousand);
    emulator.setFaults({ churnPerPage: 3, actions: ['ListMessageGroupUser'] });
    const outcome = (await vscode.commands.executeCommand('imExplorer.loadAll', thousand)) as LoadAllOutcome;
    emulator.setFaults({});
    const list = thousand.pagedChildren();
    const loaded = list.items.map((member) => member.UserId);
    assert.equal(new Set(loaded).size, loaded.length, 'each member once');
    assert.equal(outcome.status, 'changed', 'a group that never stopped moving is not reported as all');
    assert.ok(outcome.extraPages > 0, 'the group was read again where it moved');
    const rows = await children(api, thousand);
    const changed = rows.find((node): node is NoticeNode => isNotice(node) && node.contextValue === 'notice;changed');
    assert.ok(changed, rows.slice(-2).map(labelOf).join(' | '));
    assert.match(labelOf(changed), /^[\d,]+ of 1,000 — the group changed while loading; Refresh to catch up$/);
    // The group as it is now (nothing moves any more): what the load returned covers nearly all of it.
    await vscode.commands.executeCommand('imExplorer.refresh', thousand);
    const again = (await vscode.commands.executeCommand('imExplorer.loadAll', await group(fixtures.thousandGroupId))) as LoadAllOutcome;
    assert.equal(again.status, 'complete');
    const now = (await group(fixtures.thousandGroupId)).pagedChildren().items.map((member) => member.UserId);
    const returned = new Set(loaded);
    const covered = now.filter((id) => returned.has(id)).length / now.length;
    assert.ok(covered >= 0.99, `covered ${covered}`);
  });

  it('orders by the sort setting, toggled from the view title', async () => {
    const small = await group(fixtures.smallGroupId);
    const ascending = (await children(api, small)).map(labelOf);
    await vscode.commands.executeCommand('imExplorer.sortDescending');
    assert.equal(vscode.workspace.getConfiguration('imExplorer').get('sortOrder'), 'descending');
    const again = await group(fixtures.smallGroupId);
    const descending = (await children(api, again)).map(labelOf);
    assert.equal(ascending.length, fixtures.smallGroupTotal);
    assert.deepEqual(descending, [...ascending].reverse());
  });

  it('applies a page size change, and refuses an out-of-range one without changing anything', async () => {
    await runWithInput(api, 'imExplorer.setPageSize', [typed(/Page size/, '7')]);
    const paged = await group(fixtures.pagedGroupId);
    assert.equal((await children(api, paged)).filter((node) => isLegacyMember(node)).length, 7);
    await quietTree(api);
    emulator.resetStats();
    for (const bad of ['0', '51', '2.5', 'ten', '']) {
      const { result, input } = await runWithInput(api, 'imExplorer.setPageSize', [typed(/Page size/, bad)]);
      assert.equal(result, undefined);
      assert.match(input.prompts[0].validation ?? '', /PageSize must be a whole number from 1 to 50/, 'said while typing');
      assert.deepEqual(
        input.messages.map((message) => message.severity),
        ['warning'],
        'a warning, not an error toast',
      );
    }
    assert.equal(vscode.workspace.getConfiguration('imExplorer').get('pageSize'), 7);
    assert.equal(emulator.stats().requests, 0);
  });

  it('shows an error node with the cause when the server fails, and Retry recovers', async () => {
    const small = await group(fixtures.smallGroupId);
    emulator.setFaults({ errorRate: 1, errorCodes: ['InternalError'], actions: ['ListMessageGroupUser'] });
    api.tree.refresh(small);
    const nodes = await children(api, small);
    const error = nodes.find((node): node is NoticeNode => isNotice(node) && node.severity === 'error');
    assert.ok(error, `error node among ${nodes.map(labelOf).join(', ')}`);
    assert.match(labelOf(error), /server had a problem/);
    assert.deepEqual(nodes.filter((node) => isNotice(node)).length, 1, 'only the error row: no "No members" beside it');
    assert.match(String(error.treeItem().description), /InternalError/);
    assert.equal(error.treeItem().contextValue, 'notice;error');
    assert.ok(
      api.log.recent.some((line) => line.startsWith('[error]') && line.includes(`Loading ${small.id}`) && /server had a problem/.test(line)),
      'the failed load went through the one error path into the log',
    );
    emulator.setFaults({});
    await vscode.commands.executeCommand('imExplorer.retry', error);
    const recovered = await children(api, small);
    assert.equal(recovered.filter((node) => isLegacyMember(node)).length, fixtures.smallGroupTotal);
  });

  for (const fault of [
    { name: 'an HTML 502 page', faults: { html502Rate: 1 }, pattern: /not the API's JSON|502/ },
    { name: 'malformed JSON', faults: { malformedJsonRate: 1 }, pattern: /not the API's JSON|JSON/ },
    { name: 'a hung response', faults: { hangRate: 1 }, pattern: /time|answer/i },
  ]) {
    it(`turns ${fault.name} into an error node, never a crash`, async function () {
      this.timeout(60_000);
      await configure(api, { requestTimeoutSeconds: 1 });
      try {
        const small = await group(fixtures.smallGroupId);
        emulator.setFaults({ ...fault.faults, actions: ['ListMessageGroupUser'] });
        api.tree.refresh(small);
        const nodes = await children(api, small);
        const error = nodes.find((node) => isNotice(node) && node.severity === 'error');
        assert.ok(error, nodes.map(labelOf).join(', '));
        assert.match(labelOf(error), fault.pattern);
      } finally {
        emulator.setFaults({});
        await configure(api, { requestTimeoutSeconds: 10 });
      }
    });
  }

  it('keeps ids stable across refresh, so expansion state survives', async () => {
    const small = await group(fixtures.smallGroupId);
    const before = (await children(api, small)).map((node) => node.id);
    api.tree.refresh();
    const after = (await children(api, await group(fixtures.smallGroupId))).map((node) => node.id);
    assert.deepEqual(after, before);
    assert.ok(before.every((id) => id.startsWith(`/profile/demo/app/${encodeURIComponent(fixtures.appId)}/user/`)));
  });

  it('handles ids with spaces, unicode and * ~ / + = & % all the way to the members', async () => {
    await configure(api, { users: { [fixtures.specialAppId]: [fixtures.specialUserId] } });
    const app = (await children(api)).find((node): node is AppNode => isLegacyApp(node) && node.appId === fixtures.specialAppId);
    assert.ok(app);
    const [specialUser] = await children(api, app);
    const groups = await children(api, specialUser);
    const special = groups.find((node): node is GroupNode => isLegacyGroup(node) && node.group.GroupId === fixtures.specialGroupId);
    assert.ok(special, groups.map(labelOf).join(', '));
    const members = (await children(api, special)).map(labelOf);
    for (const id of fixtures.specialMemberIds) assert.ok(members.includes(id), `${id} in ${members.join(', ')}`);
  });

  it('shows GroupId, Total, creator and status at a glance, with Markdown tooltips in local time and UTC', async () => {
    const inactive = await group(fixtures.inactiveGroupId);
    await children(api, inactive);
    const item = inactive.treeItem();
    assert.equal(item.label, fixtures.inactiveGroupId);
    assert.match(String(item.description), new RegExp(`${fixtures.inactiveGroupTotal} members · by ${inactive.group.CreatorId} · status 2`));
    assert.equal(item.tooltip, undefined, 'the tooltip is built when the row is hovered, not for every row drawn');
    const resolved = api.tree.resolveTreeItem(item, inactive);
    assert.ok(resolved.tooltip instanceof vscode.MarkdownString);
    assert.match(resolved.tooltip.value, /UTC/);
    assert.match(resolved.tooltip.value, /Extension/);
    assert.ok(Object.keys(inactive.group.Extension).length > 0);
    for (const [key, value] of Object.entries(inactive.group.Extension)) {
      assert.ok(resolved.tooltip.value.includes(`| ${escapeMarkdown(key)} | ${escapeMarkdown(value)} |`), `Extension ${key} in the tooltip`);
    }
    const [member] = await children(api, inactive);
    assert.match(String(member.treeItem().description), /^joined \d\d\/\d\d\/\d{4}, \d\d:\d\d$/); // English: month/day/year, 24-hour
    assert.equal(member.treeItem().contextValue, 'member;legacy');
    assert.equal(inactive.treeItem().contextValue, 'group;legacy');
  });

  it('refreshes when settings change: a removed user disappears, an added app appears', async () => {
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId] }, apps: ['configured-only-app'] });
    const apps = await children(api);
    const configured = apps.find((node): node is AppNode => isLegacyApp(node) && node.appId === 'configured-only-app');
    assert.ok(configured);
    assert.equal(configured.treeItem().contextValue, 'app;legacy;configured');
    assert.deepEqual((await children(api, await demoApp())).map(labelOf), [fixtures.userId]);
    await vscode.commands.executeCommand('imExplorer.removeApp', configured);
    assert.ok(!(await children(api)).some((node) => node.ids().appId === 'configured-only-app'));
  });

  it('remembers the rows left expanded in the workspace for the next window, and forgets them on Collapse All', async () => {
    const app = await demoApp();
    const parent = await user(fixtures.userId);
    await api.treeView.reveal(parent, { expand: true, focus: false });
    const remembered = async (ids: string[]) => {
      await api.tree.expansion.stored();
      const memory = new ExpansionMemory(api.context.workspaceState);
      return ids.map((id) => memory.isExpanded(id));
    };
    await waitUntil(async () => !(await remembered([app.id, parent.id])).includes(false), { message: 'the expanded rows remembered', timeout: 10_000 });
    // The next window: its rows of the same ids come expanded, a row never expanded does not.
    const nextWindow = new ExplorerTreeProvider(api.session, api.log, api.tree.pins, new ExpansionMemory(api.context.workspaceState));
    try {
      const [nextApp] = (await nextWindow.getChildren()).filter((node) => node.id === app.id);
      assert.equal(nextWindow.getTreeItem(nextApp).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const nextUsers = await nextWindow.getChildren(nextApp);
      const nextUser = nextUsers.find((node) => node.id === parent.id)!;
      assert.equal(nextWindow.getTreeItem(nextUser).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const other = nextUsers.find((node) => node.id !== parent.id)!;
      assert.equal(nextWindow.getTreeItem(other).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    } finally {
      nextWindow.dispose();
    }
    await quietTree(api);
    await waitUntil(async () => !(await remembered([app.id, parent.id])).includes(true), { message: 'Collapse All to forget the rows', timeout: 10_000 });
  });

  it("reads ahead what the next window restores expanded: the children of a row are asked for as soon as its parent's, once", async () => {
    const app = await demoApp();
    const parent = await user(fixtures.userId);
    const restored = [app.id, parent.id];
    const state = { get: <T>() => restored as T, update: async () => undefined };
    const nextWindow = new ExplorerTreeProvider(api.session, api.log, api.tree.pins, new ExpansionMemory(state));
    try {
      await quietTree(api);
      emulator.resetStats();
      const [nextApp] = (await nextWindow.getChildren()).filter((node) => node.id === app.id);
      // Only the root was asked for: the app's users (configured, nothing to call) and the user's groups follow.
      await waitUntil(() => (emulator.stats().byAction.ListMessageGroup ?? 0) > 0, { message: "the restored user's groups read ahead", timeout: 10_000 });
      const nextUser = (await nextWindow.getChildren(nextApp)).find((node) => node.id === parent.id)!;
      const groups = await nextWindow.getChildren(nextUser);
      assert.ok(groups.some(isLegacyGroup), 'the groups read ahead are the rows shown');
      assert.equal(emulator.stats().byAction.ListMessageGroup, 1, 'read once: asking for them took what was read ahead');
      // A refresh makes what was read ahead stale: the rows are read again when asked for.
      nextWindow.refresh(nextUser);
      await nextWindow.getChildren(nextUser);
      assert.equal(emulator.stats().byAction.ListMessageGroup, 2);
    } finally {
      nextWindow.dispose();
    }
  });

  it('puts no secret in any label, description, tooltip or log line', async () => {
    const nodes: ExplorerNode[] = [];
    const walk = async (parent: ExplorerNode | undefined, depth: number): Promise<void> => {
      for (const node of await children(api, parent)) {
        nodes.push(node);
        if (depth < 3 && !(isLegacyGroup(node) && node.group.GroupId === fixtures.bigGroupId)) await walk(node, depth + 1);
      }
    };
    await walk(undefined, 0);
    assert.ok(nodes.length > 50);
    assertNoSecrets(visibleText(nodes));
    assertNoSecrets(api.log.recent);
    assert.ok(
      api.log.recent.some((line) => /ListMessageGroupUser .*-> ok .*RequestId=/.test(line)),
      'requests are logged',
    );
  });
});
