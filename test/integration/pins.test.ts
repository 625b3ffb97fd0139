// Pinned groups and members in the real extension host against the emulator, once per API family from one table:
// Pin puts a row under "Pinned" at the top with the same label, as a real row of its concept under an id of its own;
// Unpin takes it away; pins are kept per profile in the extension's global state (a new provider over the same state
// shows them; another profile does not; deleting a profile drops them); a pinned group that is gone says so and keeps
// Unpin, while a network failure is an error row that Retry reads again; Find Group and hovers offer Pin; a write on a
// pinned member acts on its group.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Family } from '../../src/api/types';
import type { WriteOutcome } from '../../src/commands/write/perform';
import { STS_KEY, type RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import type { LoadAllOutcome } from '../../src/model/pagedList';
import { PinStore, type Pin } from '../../src/model/pins';
import type { GroupRow, MemberRow, PinnedRow } from '../../src/tree/concepts';
import type { ExplorerNode } from '../../src/tree/node';
import { ExplorerTreeProvider } from '../../src/tree/provider';
import { assertNoSecrets, children, configure, explorer, labelOf, reset, runWithInput, selectionWhen, signedInWorld, signIn, quietTree } from './helpers';
import { waitUntil } from '../harness/wait';
import { confirmed, picked, TestUserInput, typed, withInput, type Step } from './testInput';

const PROFILE = 'demo';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What one family brings to the table. */
interface PinCase {
  name: string;
  family: Family;
  appId(): string;
  appLabel(): string;
  /** A small group of the app and where the tree lists it. */
  smallGroupId(): string;
  groupsOwnerId(api: ExplorerApi): Promise<{ childId(key: string): string }>;
  /** A group Find Group reads, and the message that ends the find. */
  foundGroupId(): string;
  /** A group of the app the tree has not loaded (GroupId-like, for the hover's lookup). */
  unloadedGroupId(): string;
  /** The action that reads a pinned group. */
  readAction: string;
  /** A pin of a group the server does not know. */
  gonePin(): Pin;
  /** What a pinned member row's description says. */
  memberDescription: RegExp;
  /** Mute Member…'s prompts. */
  muteSteps(): Step[];
}

describe('pinned groups and members, once per family (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  const legacy = () => emulator.dataset.fixtures;
  const live = () => emulator.liveMessage.fixtures;
  const liveApp = () => emulator.liveMessage.apps.find((app) => app.AppId === live().appId)!;
  const looksLikeGroupId = (id: string) => /^[A-Za-z0-9_-]{8,64}$/.test(id) && /[A-Za-z]/.test(id) && /\d/.test(id);
  /** Legacy groups of the demo app listed under users that are not configured: real, never loaded by the tree. */
  const legacyUnloaded = () => {
    const app = emulator.dataset.apps.find((entry) => entry.AppId === legacy().appId)!;
    const loaded = new Set(app.users.find((user) => user.UserId === legacy().userId)!.groupIds);
    return app.users
      .filter((user) => user.UserId !== legacy().userId)
      .flatMap((user) => user.groupIds)
      .filter((id) => !loaded.has(id) && looksLikeGroupId(id));
  };
  const liveUnloaded = () =>
    [...liveApp().groups]
      .reverse()
      .filter((group) => !group.deleted && looksLikeGroupId(group.GroupId))
      .map((group) => group.GroupId);

  const FAMILIES: PinCase[] = [
    {
      name: 'legacy',
      family: 'legacy',
      appId: () => legacy().appId,
      appLabel: () => emulator.dataset.apps.find((app) => app.AppId === legacy().appId)!.AppName,
      smallGroupId: () => legacy().smallGroupId,
      groupsOwnerId: async (api) => {
        const app = (await children(api)).find((node) => node.kind === 'app' && node.family === 'legacy' && node.ids().appId === legacy().appId);
        assert.ok(app);
        return app as unknown as { childId(key: string): string };
      },
      foundGroupId: () => legacyUnloaded()[0],
      unloadedGroupId: () => legacyUnloaded()[1],
      readAction: 'GetMessageGroup',
      gonePin: () => ({ family: 'legacy', appId: legacy().appId, groupId: 'a-group-that-was-closed', label: 'a-group-that-was-closed' }),
      memberDescription: /^[A-Z][a-z]+ [A-Z][a-z]+( · muted)?$/, // the nick ListMessageGroupUserById gives (the emulator's "First Last")
      muteSteps: () => [typed(/^Mute for \(MuteTime, seconds\)$/, '600'), confirmed(/^Mute .* in group /, 'Mute')],
    },
    {
      name: 'LiveMessage',
      family: 'live',
      appId: () => live().appId,
      appLabel: () => liveApp().AppName,
      smallGroupId: () => live().smallGroupId,
      groupsOwnerId: async (api) => {
        const app = (await children(api)).find((node) => node.kind === 'app' && node.family === 'live' && node.ids().appId === live().appId);
        assert.ok(app);
        return app as unknown as { childId(key: string): string };
      },
      foundGroupId: () => liveUnloaded()[0],
      unloadedGroupId: () => liveUnloaded()[1],
      readAction: 'DescribeLiveMessageGroup',
      gonePin: () => ({ family: 'live', dataCenter: 'cn-shanghai', appId: live().appId, groupId: 'a-group-that-never-was', label: 'Old room' }),
      memberDescription: /^(.+ · )?(online|offline)$/, // CheckLiveMessageUsersInGroup's answer
      muteSteps: () => [confirmed(/^Mute .* in group /, 'Mute')],
    },
  ];

  async function section(): Promise<PinnedRow | undefined> {
    return (await children(api)).find((node): node is PinnedRow => node.kind === 'pinned');
  }

  async function pinnedRows(): Promise<ExplorerNode[]> {
    const shown = await section();
    return shown ? children(api, shown) : [];
  }

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    await configure(api, { users: { [legacy().appId]: [legacy().userId] }, sortOrder: 'ascending', pageSize: 50 });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reset(api);
    await emulator.close();
  });

  afterEach(async () => {
    emulator.setFaults({});
    for (const pin of api.tree.pins.list(PROFILE)) await api.tree.pins.remove(PROFILE, pin);
    api.tree.refresh();
    await quietTree(api);
  });

  for (const each of FAMILIES) {
    describe(`${each.name} pins`, () => {
      async function group(groupId: string): Promise<GroupRow> {
        const owner = await each.groupsOwnerId(api);
        // Legacy groups are listed under the configured user: its row is the app's child.
        const ownerId = each.family === 'legacy' ? owner.childId(legacy().userId) : undefined;
        const list = ownerId ? ((await api.tree.findNode(ownerId)) as unknown as { childId(key: string): string }) : owner;
        const found = await api.tree.findNode(list.childId(groupId), { loadMore: true });
        assert.ok(found?.kind === 'group' && found.family === each.family, `group ${groupId}`);
        return found as GroupRow;
      }

      it('Pin puts a group under "Pinned" at the top with the same label, as a group row of its own id that commands act on; Unpin takes it away', async () => {
        const small = await group(each.smallGroupId());
        assert.equal(await section(), undefined, 'no Pinned section without pins');
        const pinnedId = await vscode.commands.executeCommand<string>('imExplorer.pin', small);
        const top = (await children(api))[0];
        assert.equal(top.kind, 'pinned');
        assert.equal(labelOf(top), 'Pinned');
        const [row, ...others] = await pinnedRows();
        assert.deepEqual(others, []);
        assert.equal(row.id, pinnedId);
        assert.notEqual(row.id, small.id, 'the pinned row has an id of its own');
        assert.ok(row.id.startsWith(`${top.id}/`), row.id);
        assert.equal(row.kind, 'group');
        assert.equal(row.family, each.family);
        assert.equal(labelOf(row), labelOf(small));
        assert.match(row.treeItem().contextValue ?? '', /^group;.*;pinned$/);
        const pinnedGroup = row as GroupRow;
        assert.equal(await vscode.commands.executeCommand('imExplorer.copyGroupId', pinnedGroup), each.smallGroupId());
        assert.equal(await vscode.env.clipboard.readText(), each.smallGroupId());
        const outcome = await vscode.commands.executeCommand<LoadAllOutcome>('imExplorer.loadAll', pinnedGroup);
        assert.equal(outcome.status, 'complete');
        const members = (await children(api, pinnedGroup)).filter((node) => node.kind === 'member');
        assert.equal(members.length, outcome.loaded);
        assert.ok(members.length > 0 && members.every((member) => member.id.startsWith(`${row.id}/`) && !member.inPinned));

        // Pinned again (from the group's row under its app): nothing changes.
        const input = new TestUserInput();
        assert.equal(await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.pin', small)), pinnedId);
        assert.equal(api.tree.pins.list(PROFILE).length, 1);
        assert.ok(input.messages.some((message) => /is pinned already/.test(message.message)));

        assert.equal(await vscode.commands.executeCommand('imExplorer.unpin', row), labelOf(row));
        assert.equal(await section(), undefined, 'the section goes with its last pin');
        assert.deepEqual(api.tree.pins.list(PROFILE), []);
      });

      it("Pin on a member: the family's member lookup reads it under Pinned; Unpin from the palette takes the selected pinned row, else a pick", async () => {
        const small = await group(each.smallGroupId());
        const member = (await children(api, small)).find((node): node is MemberRow => node.kind === 'member')!;
        await vscode.commands.executeCommand('imExplorer.pin', member);
        const [row] = await pinnedRows();
        assert.equal(row.kind, 'member');
        assert.equal(row.family, each.family);
        assert.equal(labelOf(row), member.userId);
        assert.match(String(row.treeItem().description ?? ''), each.memberDescription);
        assert.deepEqual(row.ids(), member.ids());
        // It belongs to its group (read with it: commands on a member act on that group) and is shown under Pinned.
        assert.equal(row.parent?.kind, 'group');
        assert.equal(row.parent?.ids().groupId, each.smallGroupId());
        assert.equal(api.tree.getParent(row)?.kind, 'pinned');
        await vscode.commands.executeCommand('imExplorer.copyUserId', row);
        assert.equal(await vscode.env.clipboard.readText(), member.userId);
        // From the palette: the pinned row selected (revealed under Pinned), else a pick among the pins.
        assert.equal(await vscode.commands.executeCommand('imExplorer.revealInExplorer', row), row.id);
        assert.equal((await selectionWhen(api, (node) => node.id === row.id))?.id, row.id);
        assert.equal((await runWithInput(api, 'imExplorer.unpin', [])).result, member.userId);
        await vscode.commands.executeCommand('imExplorer.pin', small);
        await vscode.commands.executeCommand('imExplorer.revealInExplorer', small);
        assert.equal((await selectionWhen(api, (node) => node.id === small.id))?.id, small.id, 'a row that is not pinned selected');
        const { result } = await runWithInput(api, 'imExplorer.unpin', [picked(/^Unpin$/, new RegExp(`^${escapeRegExp(labelOf(small))}$`))]);
        assert.equal(result, labelOf(small));
        assert.deepEqual(api.tree.pins.list(PROFILE), []);
      });

      it('pins are kept in the global state, ids only: a new provider over the same state shows them', async () => {
        const small = await group(each.smallGroupId());
        await vscode.commands.executeCommand('imExplorer.pin', small);
        const state = JSON.stringify(api.context.globalState.keys().map((key) => api.context.globalState.get(key)));
        assert.ok(state.includes(each.smallGroupId()));
        assertNoSecrets([state]);
        // As after a restart: a provider and a store of their own, reading the same state.
        const provider = new ExplorerTreeProvider(api.session, api.log, new PinStore(api.context.globalState), api.tree.expansion);
        try {
          const top = (await provider.getChildren())[0];
          assert.equal(top?.kind, 'pinned');
          const rows = await provider.getChildren(top);
          assert.deepEqual(
            rows.map((row) => [row.kind, labelOf(row)]),
            [['group', labelOf(small)]],
          );
        } finally {
          provider.dispose();
        }
      });

      it('a pinned group the server does not know says so and keeps Unpin; a network failure is an error row, read again by Retry', async () => {
        const small = await group(each.smallGroupId());
        await vscode.commands.executeCommand('imExplorer.pin', small);
        const gone = each.gonePin();
        assert.equal(await api.tree.pins.add(PROFILE, gone), 'added'); // pinned when the group existed
        api.tree.refresh();
        const goneId = (await section())!.rowId(gone);
        const [, goneRow] = await pinnedRows();
        assert.equal(goneRow.id, goneId);
        assert.equal(labelOf(goneRow), gone.label, 'the label it was last seen with');
        assert.equal(goneRow.treeItem().description, 'gone');
        assert.equal(goneRow.treeItem().contextValue, 'notice;gone;pinned');
        assert.match((goneRow.tooltip() as vscode.MarkdownString).value, /no longer exists/);

        emulator.setFaults({ resetRate: 1, actions: [each.readAction] });
        api.tree.refresh();
        const [failed] = await pinnedRows();
        assert.equal(labelOf(failed), labelOf(small));
        assert.equal(failed.treeItem().contextValue, 'notice;error;pinned', 'not "gone"');
        assert.match(String(failed.treeItem().description), /^could not be read: /);
        assert.ok(!String(failed.treeItem().description).includes('gone'));
        emulator.setFaults({});
        await vscode.commands.executeCommand('imExplorer.retry', failed);
        const [again] = await pinnedRows();
        assert.equal(again.kind, 'group');
        assert.equal(labelOf(again), labelOf(small));

        assert.equal(await vscode.commands.executeCommand('imExplorer.unpin', goneRow), gone.label);
        assert.deepEqual(
          api.tree.pins.list(PROFILE).map((pin) => pin.groupId),
          [each.smallGroupId()],
        );
      });

      it("Find Group's Pin pins the group as read, without its row loaded", async () => {
        const groupId = each.foundGroupId();
        api.tree.refresh();
        const input = new TestUserInput([
          picked(/Find group: app/, new RegExp(`^${escapeRegExp(each.appLabel())}$`)),
          typed(/Find group: GroupId/, groupId),
        ]).answerMessage(new RegExp(`^Group ${escapeRegExp(groupId)} `), 'Pin');
        await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.findGroup'));
        input.assertDone();
        assert.ok(
          input.messages.some((message) => message.actions.includes('Pin')),
          JSON.stringify(input.messages),
        );
        const pin = await waitUntil(() => api.tree.pins.list(PROFILE).find((entry) => entry.groupId === groupId), { message: 'the pin', timeout: 10_000 });
        assert.equal(pin.appId, each.appId());
        assert.equal(pin.family, each.family);
        const rows = await pinnedRows();
        assert.equal(rows.length, 1);
        assert.equal(rows[0].kind, 'group');
        assert.equal(rows[0].ids().groupId, groupId);
      });

      it('a hover offers Pin on a loaded group, and, with the lookup on, on a group the tree has not loaded', async () => {
        const small = await group(each.smallGroupId());
        const unknown = each.unloadedGroupId();
        await configure(api, { 'hover.lookUpUnknownIds': true });
        try {
          await group(each.smallGroupId()); // the app is loaded again after the setting's reload
          assert.deepEqual(
            api.tree.loadedNodes((node) => node.ownId() === unknown),
            [],
            'the unknown group is not loaded',
          );
          const document = await vscode.workspace.openTextDocument({
            content: `// app ${each.appId()}\nconst loaded = "${small.groupId}";\nconst unknown = '${unknown}';\n`,
            language: 'plaintext',
          });
          await vscode.window.showTextDocument(document);
          const pinLinks = async (text: string): Promise<unknown[][]> => {
            const hovers =
              (await vscode.commands.executeCommand<vscode.Hover[]>(
                'vscode.executeHoverProvider',
                document.uri,
                document.positionAt(document.getText().indexOf(text) + 1),
              )) ?? [];
            const markdown = hovers
              .flatMap((hover) => hover.contents)
              .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
            for (const content of markdown.filter((entry) => entry.value.includes('command:imExplorer.pin?'))) {
              assert.ok(typeof content.isTrusted === 'object' && content.isTrusted.enabledCommands?.includes('imExplorer.pin'), 'trusted for Pin');
            }
            return markdown.flatMap((content) =>
              [...content.value.matchAll(/\(command:imExplorer\.pin\?([^ )]+)/g)].map((match) => JSON.parse(decodeURIComponent(match[1])) as unknown[]),
            );
          };
          const loadedLinks = await pinLinks(small.groupId);
          assert.deepEqual(loadedLinks, [[small.id]], "the loaded group's link carries its row's id");
          await vscode.commands.executeCommand('imExplorer.pin', ...loadedLinks[0]);
          const unknownLinks = await waitUntil(
            async () => {
              const links = await pinLinks(unknown);
              return links.length > 0 ? links : undefined;
            },
            { message: 'a Pin link in the hover of the unknown group', timeout: 10_000 },
          );
          assert.equal(unknownLinks.length, 1);
          const pinnedId = await vscode.commands.executeCommand<string>('imExplorer.pin', ...unknownLinks[0]);
          assert.deepEqual(
            api.tree.pins.list(PROFILE).map((pin) => pin.groupId),
            [small.groupId, unknown],
          );
          const rows = await pinnedRows();
          assert.deepEqual(
            rows.map((row) => row.ids().groupId),
            [small.groupId, unknown],
          );
          assert.equal(rows[1].id, pinnedId);
          // The same link again names the pinned row now: nothing changes.
          const again = new TestUserInput();
          assert.equal(await withInput(api, again, () => vscode.commands.executeCommand('imExplorer.pin', ...unknownLinks[0])), pinnedId);
          assert.ok(again.messages.some((message) => /is pinned already/.test(message.message)));
          // A link whose offer is not known pins nothing.
          const input = new TestUserInput();
          await withInput(api, input, () => vscode.commands.executeCommand('imExplorer.pin', `${pinnedId}-not-offered`));
          assert.ok(input.messages.some((message) => message.severity === 'warning' && /nothing to pin/.test(message.message)));
          assert.equal(api.tree.pins.list(PROFILE).length, 2);
        } finally {
          await configure(api, { 'hover.lookUpUnknownIds': false });
        }
      });

      it('a write on a pinned member acts on its group: Mute Member… mutes the member there', async () => {
        await configure(api, { enableWriteActions: true });
        try {
          const small = await group(each.smallGroupId());
          const member = (await children(api, small)).filter((node): node is MemberRow => node.kind === 'member')[1];
          await vscode.commands.executeCommand('imExplorer.pin', member);
          const [row] = await pinnedRows();
          assert.equal(row.id, (await section())!.rowId(member.asPin()));
          const { result } = await runWithInput<WriteOutcome>(api, 'imExplorer.muteMember', each.muteSteps(), row);
          assert.equal(result?.outcome, 'done');
          assert.equal(result?.check?.done, true, 'read back: the member is muted in the group');
        } finally {
          await configure(api, { enableWriteActions: false });
        }
      });
    });
  }

  it('a pinned legacy member who left the group says so; a deleted LiveMessage group shows as deleted and keeps Unpin', async () => {
    const left: Pin = { family: 'legacy', appId: legacy().appId, groupId: legacy().smallGroupId, userId: 'someone-who-left', label: 'someone-who-left' };
    await api.tree.pins.add(PROFILE, left);
    const doomed = liveApp().groups.find((group) => !group.deleted && group.GroupId !== live().smallGroupId && group.members > 0)!.GroupId;
    const doomedPin: Pin = { family: 'live', dataCenter: 'cn-shanghai', appId: live().appId, groupId: doomed, label: doomed };
    await api.tree.pins.add(PROFILE, doomedPin);
    await api.tree.pins.add(PROFILE, { ...doomedPin, userId: 'a-member', label: 'a-member' });
    api.tree.refresh();
    const [member, before, beforeMember] = await pinnedRows();
    assert.equal(member.treeItem().description, 'no longer a member');
    assert.equal(member.treeItem().contextValue, 'notice;gone;pinned');
    assert.equal(before.treeItem().contextValue, 'group;live;pinned');
    assert.equal(beforeMember.treeItem().contextValue, 'member;live;pinned');

    await api.session.client.deleteLiveMessageGroup({ AppId: live().appId, GroupId: doomed, DataCenter: 'cn-shanghai', OperatorId: 'the-test' });
    api.tree.refresh();
    const [, doomedRow, doomedMember] = await pinnedRows();
    assert.equal(doomedRow.treeItem().contextValue, 'group;live;deleted;pinned');
    assert.match(String(doomedRow.treeItem().description), /deleted .* by the-test/);
    assert.equal(doomedMember.treeItem().contextValue, 'notice;gone;pinned', "a deleted group's member");
    await vscode.commands.executeCommand('imExplorer.unpin', doomedRow);
    assert.deepEqual((await pinnedRows()).map(labelOf), ['someone-who-left', 'a-member']);
  });

  it('the pins of one profile are not shown in another, and deleting a profile drops its pins and its rows kept expanded', async () => {
    const otherRow = '/profile/other/app/x';
    const demoRow = '/profile/demo/app/kept-expanded';
    await api.tree.pins.add(PROFILE, { family: 'legacy', appId: legacy().appId, groupId: legacy().smallGroupId, label: legacy().smallGroupId });
    assert.equal(await signIn(api, 'other', STS_KEY), 'other');
    try {
      assert.equal(api.session.profile?.name, 'other');
      assert.equal(await section(), undefined, "demo's pins are not shown in other");
      await api.tree.pins.add('other', { family: 'live', dataCenter: 'cn-shanghai', appId: live().appId, groupId: live().smallGroupId, label: 'small' });
      api.tree.pinsChanged();
      assert.deepEqual(
        (await pinnedRows()).map((row) => row.ids().groupId),
        [live().smallGroupId],
      );
      await api.profiles.setActive(PROFILE);
      await api.session.reload();
      assert.deepEqual(
        (await pinnedRows()).map((row) => row.ids().groupId),
        [legacy().smallGroupId],
      );
      api.tree.expansion.expanded(otherRow);
      api.tree.expansion.expanded(demoRow);
    } finally {
      await api.profiles.setActive(PROFILE);
      await api.profiles.remove('other');
      await api.session.reload();
    }
    assert.ok(!api.tree.expansion.isExpanded(otherRow), "other's expanded rows are forgotten with it");
    assert.ok(api.tree.expansion.isExpanded(demoRow), "demo's stay");
    api.tree.expansion.collapsed(demoRow);
    assert.deepEqual(api.tree.pins.list('other'), []);
    assert.equal(api.context.globalState.get('imExplorer.pins.other'), undefined);
    assert.equal(api.tree.pins.list(PROFILE).length, 1, "demo's pins stay");
  });
});
