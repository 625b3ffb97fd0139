// The view's filter in the real host: rows kept at every level, the view's message, Search Further into pages
// not loaded yet, bad input, and Clear.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SearchFurtherOutcome } from '../../src/commands/view/filter';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import type { GroupNode } from '../../src/tree/legacy/groupNode';
import type { MemberNode } from '../../src/tree/legacy/memberNode';
import type { ExplorerNode } from '../../src/tree/node';
import {
  children,
  configure,
  explorer,
  isLegacyApp,
  isLegacyGroup,
  isLegacyMember,
  isNotice,
  isLegacyUser,
  labelOf,
  reset,
  runWithInput,
  signedInWorld,
  quietTree,
} from './helpers';
import { typed } from './testInput';

describe('filter (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let fixtures: RunningEmulator['dataset']['fixtures'];

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    fixtures = emulator.dataset.fixtures;
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId] }, pageSize: 50, sortOrder: 'ascending' });
  });

  afterEach(() => api.tree.setFilter(undefined));

  after(async () => {
    await reset(api);
    await emulator.close();
  });

  async function groupNamed(groupId: string): Promise<GroupNode> {
    const app = (await children(api)).find((node) => isLegacyApp(node) && node.appId === fixtures.appId)!;
    const user = (await children(api, app)).find(isLegacyUser)!;
    const found = (await children(api, user)).find((node): node is GroupNode => isLegacyGroup(node) && node.group.GroupId === groupId);
    assert.ok(found);
    return found;
  }

  const setFilter = (text: string) => runWithInput<string>(api, 'imExplorer.filter', [typed(/Filter the Interactive Messages view/, text)]);

  it('keeps matching rows and the path to them, and says how many of the loaded rows match', async () => {
    const small = await groupNamed(fixtures.smallGroupId);
    const members = (await children(api, small)).filter((node): node is MemberNode => isLegacyMember(node));
    const target = members[1].member.UserId;
    await setFilter(target);
    const apps = await children(api);
    assert.deepEqual(
      apps.filter(isLegacyApp).map((node) => node.ids().appId),
      [fixtures.appId],
      'only the app with a loaded match',
    );
    const again = await groupNamed(fixtures.smallGroupId);
    assert.deepEqual(
      (await children(api, again)).filter(isLegacyMember).map((node) => (node as MemberNode).member.UserId),
      [target],
    );
    assert.match(api.tree.summary() ?? '', new RegExp(`^Filter: "${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" — [1-9][\\d,]* of [\\d,]+ loaded match$`));
  });

  it('filters one level with a prefix, leaving the others as they are', async () => {
    await groupNamed(fixtures.smallGroupId);
    await setFilter(`group:${fixtures.pagedGroupId}`);
    const app = (await children(api)).find((node) => isLegacyApp(node) && node.appId === fixtures.appId)!;
    const user = (await children(api, app)).find(isLegacyUser)!;
    const groups = (await children(api, user)).filter(isLegacyGroup) as GroupNode[];
    assert.deepEqual(
      groups.map((node) => node.group.GroupId),
      [fixtures.pagedGroupId],
    );
    assert.ok((await children(api)).filter(isLegacyApp).length > 1, 'apps are not filtered by a group: filter');
  });

  it('Search Further loads pages at the rate limit until a match beyond the loaded ones appears', async () => {
    const thousand = await groupNamed(fixtures.thousandGroupId);
    await children(api, thousand);
    const all = await api.session.client.listMessageGroupUser({
      AppId: fixtures.appId,
      GroupId: fixtures.thousandGroupId,
      PageNum: 9,
      PageSize: 50,
      SortType: 0,
    });
    const deep = all.Result.UserList[10].UserId;
    await setFilter(`member:${deep}`);
    const before = await children(api, thousand);
    assert.ok(!before.some(isLegacyMember), 'not loaded yet');
    const further = before.find((node) => isNotice(node) && labelOf(node) === 'Search further…');
    assert.ok(further, before.map(labelOf).join(' | '));
    await quietTree(api);
    emulator.resetStats();
    const outcome = (await vscode.commands.executeCommand('imExplorer.searchFurther', further)) as SearchFurtherOutcome;
    assert.deepEqual({ found: outcome.found, cancelled: outcome.cancelled }, { found: true, cancelled: false });
    assert.equal(outcome.loaded, 450, 'stops at the page that brought the match');
    assert.equal(emulator.stats().byAction.ListMessageGroupUser, 8);
    const after = await children(api, thousand);
    assert.deepEqual(
      after.filter(isLegacyMember).map((node) => (node as MemberNode).member.UserId),
      [deep],
    );
  });

  it('refuses an empty or a 10,000-character filter while typing and changes nothing', async () => {
    await setFilter('keep-me');
    for (const bad of ['', 'x'.repeat(10_000)]) {
      const { result, input } = await runWithInput(api, 'imExplorer.filter', [typed(/Filter/, bad)]);
      assert.equal(result, undefined);
      assert.ok(input.prompts[0].validation, 'said while typing');
      assert.deepEqual(
        input.messages.map((message) => message.severity),
        ['warning'],
      );
    }
    assert.equal(api.tree.filter?.text, 'keep-me');
  });

  it('Clear Filter shows everything again without reloading', async () => {
    const small = await groupNamed(fixtures.smallGroupId);
    const everyone = (await children(api, small)).filter(isLegacyMember).length;
    await setFilter('no-such-member-anywhere');
    assert.ok(!(await children(api)).some(isLegacyApp), 'no app has a loaded match');
    const none: ExplorerNode[] = await children(api, small);
    assert.ok(
      none.some((node) => isNotice(node) && /match/.test(labelOf(node))),
      none.map(labelOf).join(' | '),
    );
    await quietTree(api);
    emulator.resetStats();
    await vscode.commands.executeCommand('imExplorer.clearFilter');
    assert.equal(api.tree.filter, undefined);
    assert.equal(api.tree.summary(), undefined);
    assert.equal((await children(api, await groupNamed(fixtures.smallGroupId))).filter(isLegacyMember).length, everyone);
    assert.equal(emulator.stats().requests, 0);
  });
});
