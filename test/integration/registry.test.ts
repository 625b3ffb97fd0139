// The command registry against package.json, and the contextValues the real tree sets against the one table.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { registerCommands, type Command } from '../../src/commands/registry';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { CONTEXT_VALUES } from '../../src/tree/contextValues';
import type { ExplorerNode } from '../../src/tree/node';
import { children, configure, explorer, isGroup, reset, signedInWorld } from './helpers';

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

  it('every contextValue a node of the real tree sets is in the one table', async () => {
    const fixtures = emulator.dataset.fixtures;
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId, fixtures.noGroupsUserId] }, apps: ['configured-only-app'], pageSize: 5 });
    const seen = new Map<string, string>();
    const walk = async (parent: ExplorerNode | undefined, depth: number): Promise<void> => {
      for (const node of await children(api, parent)) {
        const value = node.treeItem().contextValue;
        if (value !== undefined) seen.set(value, node.id);
        if (depth < 3 && !(isGroup(node) && node.group.GroupId !== fixtures.smallGroupId)) await walk(node, depth + 1);
      }
    };
    await walk(undefined, 0);
    emulator.setFaults({ errorRate: 1, errorCodes: ['InternalError'], actions: ['ListMessageGroupUser'] });
    try {
      const small = api.tree.loadedNodes((node) => isGroup(node) && node.group.GroupId === fixtures.smallGroupId)[0];
      assert.ok(small);
      api.tree.refresh(small);
      for (const node of await children(api, small)) seen.set(String(node.treeItem().contextValue), node.id);
    } finally {
      emulator.setFaults({});
    }
    const table: string[] = Object.values(CONTEXT_VALUES);
    assert.deepEqual(
      [...seen.keys()].filter((value) => !table.includes(value)),
      [],
    );
    for (const value of ['app', 'app.configured', 'user', 'group', 'member', 'loadMore', 'error', 'message']) {
      assert.ok(seen.has(value), `the walk met a ${value} row`);
    }
  });
});
