// The command registry against package.json: the ids both ways, each menu against the rows its command takes (the
// targets declared in code), and the context values the real tree sets (pinned rows included) against the one table.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/commands';
import { accepts, registerCommands, type Command, type NodeTarget } from '../../src/commands/registry';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { ROW_CONTEXTS, tokensOf } from '../../src/tree/contextValues';
import type { Pin } from '../../src/model/pins';
import type { MemberRow } from '../../src/tree/concepts';
import type { ExplorerNode } from '../../src/tree/node';
import { children, configure, explorer, isLegacyGroup, reset, signedInWorld } from './helpers';

const CHANGE_MENU = 'imExplorer.change';

interface MenuEntry {
  command: string;
  when: string;
  group?: string;
}

/** The context values a menu entry's `viewItem =~ /…/` matches. */
function shownOn(entry: MenuEntry): string[] {
  const pattern = /viewItem\s*=~\s*\/((?:\\\/|[^/])+)\//.exec(entry.when)?.[1];
  assert.ok(pattern, `${entry.command} names a viewItem pattern`);
  const regex = new RegExp(pattern);
  return ROW_CONTEXTS.filter((value) => regex.test(value));
}

/** The context values of rows a target takes; a paging command also takes the rows of a list (Load more, notices). */
function takenBy(target: NodeTarget): string[] {
  return ROW_CONTEXTS.filter((value) => {
    const tokens = tokensOf(value.split(';')[0], value);
    return accepts(target, tokens) || (target.ownerOfRow === true && (tokens.kind === 'more' || tokens.kind === 'notice'));
  });
}

describe('command registry and context values (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
  });

  after(async () => {
    await reset(api);
    await emulator.close();
  });

  it('registers exactly the commands package.json contributes, and VS Code knows them all', async () => {
    const contributed: { command: string }[] = api.context.extension.packageJSON.contributes.commands;
    assert.deepEqual([...api.commandIds].sort(), contributed.map((entry) => entry.command).sort());
    const known = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      api.commandIds.filter((id) => !known.has(id)),
      [],
    );
  });

  it('refuses a duplicate id before registering anything', () => {
    const probe: Command = { id: 'registryProbe', run: () => undefined };
    const before = api.context.subscriptions.length;
    assert.throws(() => registerCommands(api, [probe, probe]), /imExplorer\.registryProbe is registered twice/);
    assert.equal(api.context.subscriptions.length, before);
  });

  it('each item menu shows its command only on rows the command takes, and a context menu on every such row', () => {
    const { menus: contributed } = api.context.extension.packageJSON.contributes;
    const menus: MenuEntry[] = [...contributed['view/item/context'], ...contributed[CHANGE_MENU]];
    const targets = new Map(COMMANDS.map((command) => [`imExplorer.${command.id}`, command.target]));
    const problems: string[] = [];
    for (const entry of menus) {
      const target = targets.get(entry.command);
      if (!target) continue; // a command for any row (Refresh, Retry, Show Log)
      const shown = shownOn(entry);
      const taken = takenBy(target);
      const refused = shown.filter((value) => !taken.includes(value));
      if (refused.length) problems.push(`${entry.command} is offered on ${refused.join(', ')}, which it does not take`);
      const rows = taken.filter((value) => !value.startsWith('more') && !value.startsWith('notice'));
      const missing = rows.filter((value) => !shown.includes(value));
      if (!entry.group?.startsWith('inline') && missing.length) problems.push(`${entry.command}'s menu misses ${missing.join(', ')}`);
    }
    assert.deepEqual(problems, []);
  });

  it('a command that changes the service is offered only while write actions are on, and only in the Change submenu', () => {
    const { menus } = api.context.extension.packageJSON.contributes;
    const changing = new Set(COMMANDS.filter((command) => command.changes).map((command) => `imExplorer.${command.id}`));
    assert.ok(changing.size >= 12, `the write commands are marked (${changing.size})`);
    const problems: string[] = [];
    for (const [menu, entries] of Object.entries(menus as Record<string, (MenuEntry & { submenu?: string })[]>)) {
      for (const entry of entries) {
        const offersChange = changing.has(entry.command) || entry.submenu === CHANGE_MENU;
        if (!offersChange) continue;
        if (!/(^|&& )imExplorer\.writeActions( &&|$)/.test(entry.when ?? ''))
          problems.push(`${menu}: ${entry.command ?? entry.submenu} shows without imExplorer.writeActions`);
        if (menu === 'view/item/context' && entry.command) problems.push(`${entry.command} is in the context menu itself, not in the Change submenu`);
      }
    }
    const inSubmenu = new Set((menus[CHANGE_MENU] as MenuEntry[]).map((entry) => entry.command));
    for (const id of changing)
      if (COMMANDS.find((command) => `imExplorer.${command.id}` === id)?.target && !inSubmenu.has(id)) problems.push(`${id} is not in the Change submenu`);
    assert.deepEqual(problems, []);
    const submenuEntry = (menus['view/item/context'] as (MenuEntry & { submenu?: string })[]).find((entry) => entry.submenu === CHANGE_MENU);
    assert.ok(submenuEntry, 'the Change submenu is in the context menu');
    const shownOnSubmenu = shownOn({ ...submenuEntry, command: CHANGE_MENU });
    const needed = (menus[CHANGE_MENU] as MenuEntry[]).flatMap((entry) => shownOn(entry));
    assert.deepEqual(
      needed.filter((value) => !shownOnSubmenu.includes(value)),
      [],
      'the submenu shows on every row one of its commands takes',
    );
    const emptyOn = shownOnSubmenu.filter((value) => !needed.includes(value));
    assert.deepEqual(emptyOn, [], 'the submenu never opens empty');
  });

  it('every contextValue a node of the real tree sets is in the one table', async () => {
    const fixtures = emulator.dataset.fixtures;
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId, fixtures.noGroupsUserId] }, apps: ['configured-only-app'], pageSize: 5 });
    const seen = new Map<string, string>();
    const walk = async (parent: ExplorerNode | undefined, depth: number): Promise<void> => {
      for (const node of await children(api, parent)) {
        const value = node.treeItem().contextValue;
        if (value !== undefined) seen.set(value, node.id);
        if (depth < 3 && !(isLegacyGroup(node) && node.group.GroupId !== fixtures.smallGroupId)) await walk(node, depth + 1);
      }
    };
    await walk(undefined, 0);
    const loadedMember = (family: string) => (api.tree.loadedNodes((node) => node.kind === 'member' && node.family === family)[0] as MemberRow).asPin();
    const memberPins = [loadedMember('legacy'), loadedMember('live')];
    emulator.setFaults({ errorRate: 1, errorCodes: ['InternalError'], actions: ['ListMessageGroupUser'] });
    try {
      const small = api.tree.loadedNodes((node) => isLegacyGroup(node) && node.group.GroupId === fixtures.smallGroupId)[0];
      assert.ok(small);
      api.tree.refresh(small);
      for (const node of await children(api, small)) seen.set(String(node.treeItem().contextValue), node.id);
    } finally {
      emulator.setFaults({});
    }
    // Pinned rows of both families, a deleted group's and a gone pin's, as the Pinned section shows them.
    const live = emulator.liveMessage.fixtures;
    for (const pin of [
      { family: 'legacy', appId: fixtures.appId, groupId: fixtures.smallGroupId, label: fixtures.smallGroupId },
      { family: 'live', dataCenter: 'cn-shanghai', appId: live.appId, groupId: live.smallGroupId, label: live.smallGroupId },
      ...memberPins,
      { family: 'live', dataCenter: 'cn-shanghai', appId: live.appId, groupId: live.deletedGroupId, label: live.deletedGroupId },
      { family: 'legacy', appId: fixtures.appId, groupId: 'no-such-group', label: 'no-such-group' },
    ] satisfies Pin[]) {
      await api.tree.pins.add(api.session.profile!.name, pin);
    }
    api.tree.refresh();
    const pinned = (await children(api)).find((node) => node.kind === 'pinned');
    assert.ok(pinned, 'the Pinned section');
    seen.set(String(pinned.treeItem().contextValue), pinned.id);
    await walk(pinned, 2);
    assert.deepEqual(
      [...seen.keys()].filter((value) => !ROW_CONTEXTS.includes(value)),
      [],
    );
    for (const value of [
      'app;legacy',
      'app;legacy;configured',
      'user;legacy',
      'group;legacy',
      'member;legacy',
      'more',
      'notice;error',
      'notice',
      'app;live',
      'group;live',
      'member;live',
      'messages;live',
      'pinned',
      'group;legacy;pinned',
      'group;live;pinned',
      'group;live;deleted;pinned',
      'member;legacy;pinned',
      'member;live;pinned',
      'notice;gone;pinned',
    ]) {
      assert.ok(seen.has(value), `the walk met a ${value} row`);
    }
  });
});
