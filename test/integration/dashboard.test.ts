// A group's dashboard in the real extension host: one panel per group, its webview's messages checked before the
// host acts (a message that is not one of ours changes nothing), sampling only while the panel is visible and never
// after it closed, Load all from the panel being the tree's own, a chart saved where the user says, a sender revealed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DashboardPanel } from '../../src/dashboard/panel';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { MAX_SAVE_BYTES } from '../../src/model/dashboard/protocol';
import { waitUntil } from '../harness/wait';
import {
  children,
  configure,
  explorer,
  isLegacyApp,
  isLegacyGroup,
  isLegacyMember,
  isLegacyUser,
  reset,
  selectionWhen,
  signedInWorld,
  type LegacyGroupNode,
} from './helpers';
import { savedAs, TestUserInput, withInput } from './testInput';

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')}`;

describe('group dashboards (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let fixtures: RunningEmulator['dataset']['fixtures'];

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    fixtures = emulator.dataset.fixtures;
    await configure(api, { users: { [fixtures.appId]: [fixtures.userId] }, sortOrder: 'ascending', pageSize: 50 });
  });

  afterEach(() => {
    for (const panel of [...api.dashboards.panels.values()]) panel.dispose();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reset(api);
    await emulator.close();
  });

  async function group(groupId: string): Promise<LegacyGroupNode> {
    const app = (await children(api)).find((node) => isLegacyApp(node) && node.appId === fixtures.appId)!;
    const user = (await children(api, app)).find(isLegacyUser)!;
    const found = (await children(api, user)).find((node): node is LegacyGroupNode => isLegacyGroup(node) && node.groupId === groupId);
    assert.ok(found, `group ${groupId}`);
    return found;
  }

  async function open(groupId: string): Promise<{ row: LegacyGroupNode; panel: DashboardPanel }> {
    const row = await group(groupId);
    const panel = (await vscode.commands.executeCommand('imExplorer.openDashboard', row)) as DashboardPanel;
    assert.ok(panel, 'the command returns the panel');
    return { row, panel };
  }

  const calls = (action: string) => emulator.stats().byAction[action] ?? 0;

  it('opens one panel per group, titled by the group, and opening it again shows the same one', async () => {
    const { row, panel } = await open(fixtures.smallGroupId);
    assert.match(panel.panel.title, new RegExp(fixtures.smallGroupId));
    assert.equal(panel.panel.viewType, 'imExplorer.dashboard');
    const again = (await vscode.commands.executeCommand('imExplorer.openDashboard', row)) as DashboardPanel;
    assert.equal(again, panel);
    assert.equal(api.dashboards.panels.size, 1);
    panel.panel.dispose();
    assert.equal(api.dashboards.panels.size, 0, 'closing the panel forgets it');
  });

  it('a webview message that is not one of ours changes nothing: another type, a command id, extra fields, a huge payload', async () => {
    const { row, panel } = await open(fixtures.thousandGroupId);
    await children(api, row);
    const list = row.pagedChildren();
    const loaded = list.items.length;
    const before = { list: calls('ListMessageGroupUser'), profile: api.profiles.activeName(), paused: panel.sampler.isPaused };
    const input = new TestUserInput(); // any prompt would be unexpected
    await withInput(api, input, async () => {
      for (const message of [
        { type: 'command', command: 'imExplorer.signOut' },
        { type: 'executeCommand', command: 'workbench.action.closeWindow', args: [] },
        { type: 'loadAll', group: '/profile/demo' },
        { type: 'pauseSampling', now: true },
        { type: 'revealSender', sender: 'x'.repeat(10_000) },
        { type: 'save', chart: 'members', format: 'png', data: `data:image/png;base64,${'A'.repeat(MAX_SAVE_BYTES)}` },
        { type: 'save', chart: 'members', format: 'png', data: 'data:image/png;base64,PGh0bWw+' }, // not a PNG inside
        { type: 'save', chart: 'members', format: 'svg', data: '<html><script>1</script></html>' },
        'loadAll',
        null,
      ]) {
        panel.receive(message);
      }
      await new Promise((resolve) => setImmediate(resolve));
    });
    input.assertDone();
    assert.equal(panel.dropped, 10, 'each was dropped');
    assert.equal(api.tree.isLoadingAll(row.id), false, 'no load started');
    assert.equal(list.items.length, loaded);
    assert.equal(calls('ListMessageGroupUser'), before.list, 'no page read');
    assert.equal(api.profiles.activeName(), before.profile, 'still signed in');
    assert.equal(panel.sampler.isPaused, before.paused, 'sampling as it was');
    assert.ok(
      api.log.recent.some((line) => /not one of ours was dropped/.test(line)),
      'the log says so',
    );
  });

  it('samples while visible, pauses and resumes on request, and has nothing in flight or scheduled once closed', async () => {
    const { panel } = await open(fixtures.smallGroupId);
    await waitUntil(() => panel.sampler.samples.length >= 1, { message: 'a first sample' });
    assert.equal(typeof panel.sampler.samples[0].members, 'number', 'the legacy family samples the member Total');
    panel.receive({ type: 'pauseSampling' });
    assert.equal(panel.sampler.isPaused, true);
    panel.receive({ type: 'resumeSampling' });
    assert.equal(panel.sampler.isRunning, true);
    const taken = panel.sampler.samples.length;
    await waitUntil(() => panel.sampler.samples.length > taken, { message: 'sampling goes on' });
    panel.panel.dispose();
    // Closed: no call in flight and none scheduled, and a disposed sampler never starts again (the unit test).
    assert.equal(panel.sampler.isRunning, false);
    assert.equal(panel.sampler.isPending, false, 'nothing in flight or scheduled');
  });

  it('Load all from the panel is the tree’s own load, and Cancel from the panel ends it', async () => {
    const { row, panel } = await open(fixtures.bigGroupId);
    await children(api, row);
    emulator.setFaults({ latencyMs: 20 });
    try {
      panel.receive({ type: 'loadAll' });
      await waitUntil(() => api.tree.isLoadingAll(row.id), { message: 'the load running' });
      await waitUntil(() => row.pagedChildren().items.length >= 500, { message: 'pages arriving' });
      panel.receive({ type: 'cancelLoad' });
      await waitUntil(() => !api.tree.isLoadingAll(row.id), { message: 'the load cancelled' });
      const list = row.pagedChildren();
      assert.ok(list.items.length < fixtures.bigGroupTotal, 'cancelled before the end');
      assert.ok(list.hasMore, 'what was loaded stays, and Load more goes on from there');
    } finally {
      emulator.setFaults({});
    }
  });

  it('saves a chart where the user says, and reveals a sender who is a loaded member', async () => {
    const { row, panel } = await open(fixtures.smallGroupId);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-')), 'members.png');
    const input = new TestUserInput([savedAs(/Save the chart as PNG/, file)]);
    await withInput(api, input, async () => {
      panel.receive({ type: 'save', chart: 'members', format: 'png', data: PNG });
      await waitUntil(() => fs.existsSync(file), { message: 'the file written' });
    });
    input.assertDone();
    assert.deepEqual([...fs.readFileSync(file).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const member = (await children(api, row)).find(isLegacyMember)!;
    panel.receive({ type: 'revealSender', sender: member.userId });
    assert.equal((await selectionWhen(api, (node) => node.id === member.id))?.id, member.id);
  });
});
