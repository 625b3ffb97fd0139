// Ids with spaces and unicode typed into Find Group and Search Members, in the real host: a real id is found
// exactly as typed, one that does not exist gets a clear message and nothing in the view changes.
import * as assert from 'node:assert/strict';
import type { SearchMembersOutcome } from '../../src/commands/lookup/searchMembers';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import type { AppNode } from '../../src/tree/legacy/appNode';
import type { GroupNode } from '../../src/tree/legacy/groupNode';
import { children, configure, explorer, isLegacyApp, isLegacyGroup, isLegacyUser, reset, runWithInput, selectionWhen, signedInWorld } from './helpers';
import { picked, searched, typed } from './testInput';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('ids with spaces and unicode (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let fixtures: RunningEmulator['dataset']['fixtures'];
  let special: GroupNode;

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    fixtures = emulator.dataset.fixtures;
    await configure(api, { users: { [fixtures.specialAppId]: [fixtures.specialUserId] }, sortOrder: 'ascending' });
    const app = (await children(api)).find((node): node is AppNode => isLegacyApp(node) && node.appId === fixtures.specialAppId)!;
    const user = (await children(api, app)).find(isLegacyUser)!;
    special = (await children(api, user)).find((node): node is GroupNode => isLegacyGroup(node) && node.group.GroupId === fixtures.specialGroupId)!;
    assert.ok(special);
  });

  after(async () => {
    await reset(api);
    await emulator.close();
  });

  it('Search Members finds a member whose UserId has spaces, "&" and accents, exactly as typed, and reveals it', async () => {
    const wanted = fixtures.specialMemberIds.find((id) => id.includes(' ') && /[^ -~]/.test(id))!;
    assert.ok(wanted, 'the dataset has such a member');
    const { result } = await runWithInput<SearchMembersOutcome>(
      api,
      'imExplorer.searchMembers',
      [searched(/Search members of/, wanted, new RegExp(`^${escapeRegExp(wanted)}$`))],
      special,
    );
    assert.deepEqual(result, { userId: wanted, revealed: true });
    const member = `${special.id}/member/${encodeURIComponent(wanted)}`;
    assert.equal((await selectionWhen(api, (node) => node.id === member))?.id, member);
  });

  it('Search Members offers nothing for a unicode id with spaces that is no member, and changes nothing', async () => {
    const before = api.treeView.selection[0]?.id;
    const { result, input } = await runWithInput(api, 'imExplorer.searchMembers', [searched(/Search members of/, 'no such 用户 42', undefined)], special);
    assert.equal(result, undefined);
    assert.deepEqual(input.searchResults, [[]]);
    assert.equal(api.treeView.selection[0]?.id, before);
  });

  it('Find Group says clearly that a unicode GroupId with spaces does not exist, and reveals nothing', async () => {
    const before = api.treeView.selection[0]?.id;
    const appName = emulator.dataset.apps.find((app) => app.AppId === fixtures.specialAppId)!.AppName;
    const { result, input } = await runWithInput(api, 'imExplorer.findGroup', [
      picked(/Find group: app/, new RegExp(`^${escapeRegExp(appName)}$`)),
      typed(/Find group: GroupId/, 'grp 群 nope 42'),
    ]);
    assert.equal(result, undefined);
    assert.equal(input.prompts[1].validation, undefined, 'spaces and unicode are allowed in a GroupId');
    assert.ok(
      input.messages.some((message) => message.severity === 'error' && /GroupId/.test(message.message)),
      JSON.stringify(input.messages),
    );
    assert.equal(api.treeView.selection[0]?.id, before);
  });
});
