// Export in the real host: a group's members and an app's groups to CSV and JSON, read back; Escape, an
// unwritable path and a cancel write nothing.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExportOutcome } from '../../src/commands/export';
import { STS_KEY, type RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import type { AppNode } from '../../src/tree/legacy/appNode';
import type { GroupNode } from '../../src/tree/legacy/groupNode';
import { children, configure, explorer, isLegacyApp, isLegacyGroup, isLegacyUser, reset, runWithInput, signedInWorld } from './helpers';
import { waitUntil } from '../harness/wait';
import { picked, savedAs } from './testInput';

describe('export (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  let fixtures: RunningEmulator['dataset']['fixtures'];
  let dir: string;

  before(async () => {
    api = await explorer();
    emulator = await signedInWorld(api);
    fixtures = emulator.dataset.fixtures;
    await configure(api, {
      users: { [fixtures.appId]: [fixtures.userId, fixtures.manyGroupsUserId], [fixtures.specialAppId]: [fixtures.specialUserId] },
      sortOrder: 'ascending',
    });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ime-export-'));
  });

  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    await reset(api);
    await emulator.close();
  });

  async function app(appId: string): Promise<AppNode> {
    const found = (await children(api)).find((node): node is AppNode => isLegacyApp(node) && node.appId === appId);
    assert.ok(found);
    return found;
  }

  async function group(appId: string, groupId: string): Promise<GroupNode> {
    const user = (await children(api, await app(appId))).find(isLegacyUser)!;
    const found = (await children(api, user)).find((node): node is GroupNode => isLegacyGroup(node) && node.group.GroupId === groupId);
    assert.ok(found);
    return found;
  }

  const exportTo = (node: AppNode | GroupNode, format: RegExp, file: string | undefined) =>
    runWithInput<ExportOutcome>(api, 'imExplorer.export', [picked(/format/, format), savedAs(/^Export/, file)], node);

  it('writes every member of a group once to CSV, with the suggested name holding the ids and the date', async () => {
    const thousand = await group(fixtures.appId, fixtures.thousandGroupId);
    const file = path.join(dir, 'members.csv');
    const { result, input } = await exportTo(thousand, /^CSV$/, file);
    assert.equal(result?.written, fixtures.thousandGroupTotal);
    assert.match(
      input.prompts.find((prompt) => prompt.kind === 'saveDialog')?.suggested ?? '',
      new RegExp(`members-${fixtures.appId}-${fixtures.thousandGroupId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\r\n');
    assert.equal(lines[0], 'UserId,JoinTime');
    assert.equal(lines.length - 1, fixtures.thousandGroupTotal);
    assert.equal(new Set(lines.slice(1).map((line) => line.split(',')[0])).size, fixtures.thousandGroupTotal);
    assert.deepEqual(
      (await fs.readdir(dir)).filter((name) => name.endsWith('.partial')),
      [],
      'no temporary file left',
    );
  });

  it('quotes special-character ids in CSV and keeps them exact in JSON, with a BOM for Excel on request', async () => {
    const special = await group(fixtures.specialAppId, fixtures.specialGroupId);
    const csv = path.join(dir, 'special.csv');
    await exportTo(special, /^CSV for Excel$/, csv);
    const text = await fs.readFile(csv, 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'BOM');
    const firstCells = text
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.slice(0, line.lastIndexOf(',')));
    for (const id of fixtures.specialMemberIds)
      assert.ok(firstCells.includes(id) || firstCells.includes(`"${id.replace(/"/g, '""')}"`), `the CSV holds ${id}: ${firstCells.join(' | ')}`);
    const json = path.join(dir, 'special.json');
    await exportTo(special, /^JSON$/, json);
    const members = JSON.parse(await fs.readFile(json, 'utf8')) as { UserId: string }[];
    for (const id of fixtures.specialMemberIds)
      assert.ok(
        members.some((member) => member.UserId === id),
        `exact: ${id}`,
      );
  });

  it("writes an app's groups (of its configured users) with the listing user", async () => {
    const file = path.join(dir, 'groups.json');
    const { result } = await exportTo(await app(fixtures.appId), /^JSON$/, file);
    const groups = JSON.parse(await fs.readFile(file, 'utf8')) as { GroupId: string; ListedByUserId: string }[];
    assert.equal(result?.written, groups.length);
    assert.equal(new Set(groups.map((entry) => entry.GroupId)).size, groups.length, 'each group once');
    assert.ok(groups.some((entry) => entry.ListedByUserId === fixtures.manyGroupsUserId));
    assert.ok(groups.length >= fixtures.manyGroupsCount);
  });

  it('Escape on the save dialog and an unwritable path write nothing and say why', async () => {
    const small = await group(fixtures.appId, fixtures.smallGroupId);
    const escaped = await exportTo(small, /^CSV$/, undefined);
    assert.equal(escaped.result, undefined);
    const missing = path.join(dir, 'no-such-folder', 'x.csv');
    const { result, input } = await exportTo(small, /^CSV$/, missing);
    assert.equal(result, undefined);
    assert.ok(
      input.messages.some((message) => message.severity === 'warning' && /Cannot write .*ENOENT.*Nothing was written/.test(message.message)),
      JSON.stringify(input.messages),
    );
    await assert.rejects(fs.stat(path.join(dir, 'no-such-folder')));
  });

  it('a profile switch during an export cancels it and leaves no file', async () => {
    await api.profiles.save('other', STS_KEY, 'test');
    await api.profiles.setActive('demo');
    await api.session.reload();
    emulator.setFaults({ latencyMs: 40 });
    try {
      const big = await group(fixtures.appId, fixtures.bigGroupId);
      const file = path.join(dir, 'big.csv');
      const before = emulator.stats().byAction.ListMessageGroupUser ?? 0;
      const exporting = exportTo(big, /^CSV$/, file);
      await waitUntil(() => (emulator.stats().byAction.ListMessageGroupUser ?? 0) >= before + 20, { message: 'the export under way' });
      // A profile switch: the session changes under the export (a setting of the hovers alone would not end it).
      await api.profiles.setActive('other');
      await api.session.reload();
      const { result, input } = await exporting;
      assert.equal(result, undefined);
      assert.ok(input.messages.some((message) => /Export cancelled: no file was written/.test(message.message)));
      assert.deepEqual(await fs.readdir(dir).then((names) => names.filter((name) => name.startsWith('big') || name.includes('big.csv'))), []);
    } finally {
      emulator.setFaults({});
      await api.profiles.setActive('demo');
      await api.session.reload();
    }
  });
});
