// The commands written once against the tree's concepts, run once per API family from one table, in the real
// extension host against the emulator: copy ids, Copy as Code, Open as JSON, Load all, Export, Show Details,
// Search Members, Reveal from a hover, Find Group, and a hover's lookup of an id the tree has not loaded. What a
// family does differently (its actions, its columns, the details it has) is a row of the table, not a second suite.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pagerOf } from '../../src/api/requests';
import type { Family } from '../../src/api/types';
import type { ExportOutcome } from '../../src/commands/export';
import type { FindGroupOutcome } from '../../src/commands/lookup/findGroup';
import type { SearchMembersOutcome } from '../../src/commands/lookup/searchMembers';
import type { RunningEmulator } from '../../src/emulator';
import type { ExplorerApi } from '../../src/extension';
import { JSON_SCHEME } from '../../src/jsonDocuments';
import type { LoadAllOutcome } from '../../src/model/pagedList';
import type { AppRow, GroupRow, MemberRow } from '../../src/tree/concepts';
import type { ExplorerNode } from '../../src/tree/node';
import { assertNoSecrets, children, configure, explorer, labelOf, reset, runWithInput, selectionWhen, signedInWorld, quietTree } from './helpers';
import { picked, savedAs, searched, typed } from './testInput';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Text as the hover's Markdown spells it (src/tree/format.ts escapes Markdown punctuation). */
const md = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
// A group's hover also links Pin.
const LINKED = ['imExplorer.revealInExplorer', 'imExplorer.copyAsCode', 'imExplorer.openJson', 'imExplorer.pin'];
const looksLikeGroupId = (id: string) => /^[A-Za-z0-9_-]{8,64}$/.test(id) && /[A-Za-z]/.test(id) && /\d/.test(id);

/** What one family brings to the table. */
interface FamilyCase {
  name: string;
  family: Family;
  appId(): string;
  appLabel(): string;
  smallGroupId(): string;
  pagedGroupId(): string;
  pagedGroupTotal(): number;
  /** A group Find Group has to load pages to place. */
  farGroupId(): string;
  /** A group of the app, GroupId-like, that the tree has not loaded. */
  unloadedGroupId(): string;
  /** The action listing a group's members, and the one reading a group by id. */
  memberListAction: string;
  lookupAction: string;
  /** How a group's tooltip and hover title it. */
  groupTitle: string;
  /** Parameters only this family sends about a group. */
  groupWireParts: string[];
  /** A member's own request as the TypeScript snippet writes it. */
  memberSnippet(userId: string): { action: string; text: string };
  exportHeader: string;
  /** The family's facts in a group's details, its tooltip after Show Details, and an app's details. */
  groupDetails(detail: Record<string, unknown>, tooltip: string): void;
  appDetails(detail: Record<string, unknown>): void;
  /** Whether a member has details of its own (the legacy family's ListMessageGroupUserById). */
  memberDetails: boolean;
  /** Whether Load all (and so a search) reads pages ahead in parallel (page numbers) or one after another (tokens). */
  readsAhead: boolean;
}

describe('commands on the concepts, once per family (real extension host)', () => {
  let api: ExplorerApi;
  let emulator: RunningEmulator;
  const legacy = () => emulator.dataset.fixtures;
  const live = () => emulator.liveMessage.fixtures;
  const liveApp = () => emulator.liveMessage.apps.find((app) => app.AppId === live().appId)!;

  const FAMILIES: FamilyCase[] = [
    {
      name: 'legacy',
      family: 'legacy',
      appId: () => legacy().appId,
      appLabel: () => emulator.dataset.apps.find((app) => app.AppId === legacy().appId)!.AppName,
      smallGroupId: () => legacy().smallGroupId,
      pagedGroupId: () => legacy().pagedGroupId,
      pagedGroupTotal: () => legacy().pagedGroupTotal,
      farGroupId: () => legacy().pagedGroupId,
      unloadedGroupId: () => {
        const app = emulator.dataset.apps.find((entry) => entry.AppId === legacy().appId)!;
        const loaded = new Set(app.users.find((user) => user.UserId === legacy().userId)!.groupIds);
        return app.users
          .filter((user) => user.UserId !== legacy().userId)
          .flatMap((user) => user.groupIds)
          .find((id) => !loaded.has(id) && looksLikeGroupId(id))!;
      },
      memberListAction: 'ListMessageGroupUser',
      lookupAction: 'GetMessageGroup',
      groupTitle: 'Message group',
      groupWireParts: [],
      memberSnippet: (userId) => ({ action: 'ListMessageGroupUserById', text: `UserIdList: ${JSON.stringify(userId)}` }),
      exportHeader: 'UserId,JoinTime',
      groupDetails: (detail, tooltip) => {
        assert.equal(typeof detail.IsMuteAll, 'boolean');
        assert.match(tooltip, new RegExp(`IsMuteAll \\| ${String(detail.IsMuteAll)}`));
      },
      appDetails: (detail) => {
        assert.equal(detail.AppId, legacy().appId);
        assert.equal(typeof detail.AppName, 'string');
      },
      memberDetails: true,
      readsAhead: true,
    },
    {
      name: 'LiveMessage',
      family: 'live',
      appId: () => live().appId,
      appLabel: () => liveApp().AppName,
      smallGroupId: () => live().smallGroupId,
      pagedGroupId: () => live().pagedGroupId,
      pagedGroupTotal: () => liveApp().groups.find((group) => group.GroupId === live().pagedGroupId)!.members,
      farGroupId: () =>
        liveApp()
          .groups.filter((group) => !group.deleted)
          .at(-1)!.GroupId,
      unloadedGroupId: () => [...liveApp().groups].reverse().find((group) => !group.deleted && looksLikeGroupId(group.GroupId))!.GroupId,
      memberListAction: 'ListLiveMessageGroupUsers',
      lookupAction: 'DescribeLiveMessageGroup',
      groupTitle: 'LiveMessage group',
      groupWireParts: ['cn-shanghai'],
      memberSnippet: (userId) => ({ action: 'CheckLiveMessageUsersInGroup', text: `UserIds: ${JSON.stringify(userId)}` }),
      exportHeader: 'UserId,UserInfo',
      groupDetails: (detail, tooltip) => {
        assert.equal(typeof (detail.band as { IsbannedAll?: unknown } | undefined)?.IsbannedAll, 'boolean', 'the band state');
        for (const field of ['IsbannedAll', 'UnbannedUserList', 'OnlineUserCounts', 'MsgAmount']) assert.ok(tooltip.includes(field), `${field} in the tooltip`);
      },
      appDetails: (detail) => {
        assert.equal(detail.DataCenter, 'cn-shanghai');
        assert.equal(typeof detail.AuditType, 'number');
      },
      memberDetails: false,
      readsAhead: false,
    },
  ];

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

  for (const each of FAMILIES) {
    describe(`${each.name} rows`, () => {
      const isFamily = (node: ExplorerNode | undefined, kind: string) => node?.kind === kind && node.family === each.family;

      async function app(): Promise<AppRow> {
        const found = (await children(api)).find((node): node is AppRow => isFamily(node, 'app') && (node as AppRow).appId === each.appId());
        assert.ok(found, `the ${each.name} app ${each.appId()} at the root`);
        return found;
      }

      /** Where the app's groups are listed: the app itself, or (legacy) its configured user. */
      async function groupsOwner(): Promise<{ childId(key: string): string }> {
        const row = await app();
        if (each.family === 'live') return row;
        const user = await api.tree.findNode(row.childId(legacy().userId));
        assert.ok(user && user.kind === 'user', 'the configured user');
        return user as unknown as { childId(key: string): string };
      }

      async function group(groupId: string): Promise<GroupRow> {
        const found = await api.tree.findNode((await groupsOwner()).childId(groupId), { loadMore: true });
        assert.ok(isFamily(found, 'group'), `group ${groupId}`);
        return found as GroupRow;
      }

      async function memberOf(row: GroupRow): Promise<MemberRow> {
        const found = (await children(api, row)).find((node) => isFamily(node, 'member'));
        assert.ok(found, `a member of ${row.groupId}`);
        return found as MemberRow;
      }

      /** Every member of a group in the tree's order, read apart from the tree. */
      async function allMembers(row: GroupRow): Promise<string[]> {
        const pager = pagerOf(api.session.client, row.request() as Parameters<typeof pagerOf>[1], 50);
        const result = await pager.loadAll();
        return (result.items as { UserId: string }[]).map((member) => member.UserId);
      }

      beforeEach(async () => {
        emulator.setFaults({});
        api.tree.setFilter(undefined);
        await vscode.env.clipboard.writeText('');
      });

      it('copies AppId, GroupId and UserId to the clipboard', async () => {
        const small = await group(each.smallGroupId());
        const member = await memberOf(small);
        assert.equal(await vscode.commands.executeCommand('imExplorer.copyGroupId', small), each.smallGroupId());
        assert.equal(await vscode.env.clipboard.readText(), each.smallGroupId());
        assert.equal(await vscode.commands.executeCommand('imExplorer.copyUserId', member), member.userId);
        assert.equal(await vscode.env.clipboard.readText(), member.userId);
        assert.equal(await vscode.commands.executeCommand('imExplorer.copyAppId', member), each.appId());
        assert.equal(await vscode.env.clipboard.readText(), each.appId());
        assert.equal(await vscode.commands.executeCommand('imExplorer.copyAppId', await app()), each.appId());
      });

      it("copies the row's API call as code in each language, with its wire parameters and the key read from the environment", async () => {
        const small = await group(each.smallGroupId());
        for (const [language, marker] of [
          [/^TypeScript$/, `client.request("${each.memberListAction}"`],
          [/^Python$/, `request.set_action_name("${each.memberListAction}")`],
          [/^aliyun CLI$/, `aliyun live ${each.memberListAction}`],
        ] as const) {
          await runWithInput(api, 'imExplorer.copyAsCode', [picked(new RegExp(`Copy ${each.memberListAction} as code`), language)], small);
          const text = await vscode.env.clipboard.readText();
          assert.ok(text.includes(marker), `${language}: ${text}`);
          for (const part of [each.smallGroupId(), each.appId(), 'SortType', 'PageSize', ...each.groupWireParts])
            assert.ok(text.includes(part), `${language} has ${part}`);
          assert.match(text, /ALIBABA_CLOUD_ACCESS_KEY_(ID|SECRET)/);
          assertNoSecrets([text]);
        }
        const member = await memberOf(small);
        const expected = each.memberSnippet(member.userId);
        await runWithInput(api, 'imExplorer.copyAsCode', [picked(new RegExp(`Copy ${expected.action} as code`), /^TypeScript$/)], member);
        const text = await vscode.env.clipboard.readText();
        assert.ok(text.includes(expected.text), `the member's own request: ${text}`);
        assert.match(text, /method: 'POST'/);
      });

      it("opens the row's raw API data as a read-only JSON document", async () => {
        const small = await group(each.smallGroupId());
        const uri = (await vscode.commands.executeCommand('imExplorer.openJson', small)) as vscode.Uri;
        assert.equal(uri.scheme, JSON_SCHEME);
        const document = vscode.window.activeTextEditor?.document;
        assert.equal(document?.uri.toString(), uri.toString());
        assert.equal(document?.languageId, 'json');
        assert.deepEqual(JSON.parse(document!.getText()), small.json());
      });

      it('Load all gets every member of a group, each once', async () => {
        const paged = await group(each.pagedGroupId());
        await children(api, paged);
        const outcome = await vscode.commands.executeCommand<LoadAllOutcome>('imExplorer.loadAll', paged);
        assert.equal(outcome.status, 'complete');
        assert.equal(outcome.loaded, each.pagedGroupTotal());
        const items = paged.pagedChildren()!.items as { UserId: string }[];
        assert.equal(new Set(items.map((member) => member.UserId)).size, each.pagedGroupTotal(), 'each member once');
      });

      it("exports a group's members to CSV, each once, with the family's columns", async () => {
        const paged = await group(each.pagedGroupId());
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `${each.family}-export-`)), 'members.csv');
        const { result } = await runWithInput<ExportOutcome>(api, 'imExplorer.export', [picked(/format/, /^CSV$/), savedAs(/^Export/, file)], paged);
        assert.equal(result?.written, each.pagedGroupTotal());
        const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
        assert.equal(lines[0], each.exportHeader);
        assert.equal(new Set(lines.slice(1).map((line) => line.split(',')[0])).size, each.pagedGroupTotal());
      });

      it("Show Details reads an app's, a group's (and a member's, where the family has them) details into a document and the tooltip", async () => {
        const small = await group(each.smallGroupId());
        const detail = (await vscode.commands.executeCommand('imExplorer.showDetails', small)) as Record<string, unknown>;
        assert.equal(detail.GroupId, each.smallGroupId());
        assert.deepEqual(JSON.parse(vscode.window.activeTextEditor!.document.getText()), JSON.parse(JSON.stringify(detail)));
        const shown = (await api.tree.findNode(small.id))!;
        each.groupDetails(detail, (shown.tooltip() as vscode.MarkdownString).value);
        const appDetail = (await vscode.commands.executeCommand('imExplorer.showDetails', await app())) as Record<string, unknown>;
        each.appDetails(appDetail);
        if (each.memberDetails) {
          const member = await memberOf(small);
          const memberDetail = (await vscode.commands.executeCommand('imExplorer.showDetails', member)) as { UserId: string } | undefined;
          assert.equal(memberDetail?.UserId, member.userId);
          assert.ok((member.tooltip() as vscode.MarkdownString).value.includes('UserNick'));
        }
        assertNoSecrets([vscode.window.activeTextEditor!.document.getText()]);
      });

      it('Search Members finds a member by part of the UserId through the pages, reveals it, and reads no page twice', async () => {
        await configure(api, { pageSize: 10 });
        try {
          const paged = await group(each.pagedGroupId());
          assert.equal((await children(api, paged)).filter((node) => node.kind === 'member').length, 10, 'one page of 10 loaded');
          const far = (await allMembers(paged))[45];
          await quietTree(api);
          const calls = () => emulator.stats().byAction[each.memberListAction] ?? 0;
          const before = calls();
          let loadedAtPick = 0;
          const { result } = await runWithInput<SearchMembersOutcome>(
            api,
            'imExplorer.searchMembers',
            [searched(/Search members of/, far.slice(1), new RegExp(`^${escapeRegExp(far)}$`), () => (loadedAtPick = paged.memberList()!.items.length))],
            paged,
          );
          assert.deepEqual(result, { userId: far, revealed: true });
          assert.ok(loadedAtPick >= 46, 'the pages up to the member were loaded into the tree by the search');
          assert.equal(paged.memberList()!.items.length, loadedAtPick, 'revealing the member picked read no page');
          const read = calls() - before;
          if (each.readsAhead)
            assert.ok(read >= 4 && read <= Math.ceil(each.pagedGroupTotal() / 10) - 1, `pages 2 to 5, and a few read ahead, each once (${read} calls)`);
          else assert.equal(read, 4, 'pages 2 to 5, each once');
          const row = paged.childId(far);
          assert.equal((await selectionWhen(api, (node) => node.id === row))?.id, row);
        } finally {
          await configure(api, { pageSize: 50 });
        }
      });

      it('Search Members: Escape changes nothing', async () => {
        const small = await group(each.smallGroupId());
        await quietTree(api);
        emulator.resetStats();
        const { result } = await runWithInput(api, 'imExplorer.searchMembers', [searched(/Search members of/, '', undefined)], small);
        assert.equal(result, undefined);
        assert.equal(emulator.stats().byAction[each.memberListAction] ?? 0, 0);
      });

      it("a hover shows a loaded group with links that carry its row's id, and its Reveal link reveals it", async () => {
        const small = await group(each.smallGroupId());
        const member = await memberOf(small);
        const document = await vscode.workspace.openTextDocument({ content: `group = "${small.groupId}"; member(${member.userId});\n`, language: 'plaintext' });
        await vscode.window.showTextDocument(document);
        const hoverAt = async (text: string) => {
          const offset = document.getText().indexOf(text) + 2;
          const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset))) ?? [];
          const markdown = hovers
            .flatMap((hover) => hover.contents)
            .filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
          return { value: markdown.map((content) => content.value).join('\n'), markdown };
        };
        const shown = await hoverAt(small.groupId);
        assert.ok(shown.value.includes(`${each.groupTitle} ${md(small.groupId)}`), shown.value);
        for (const command of LINKED)
          assert.ok(shown.value.includes(`command:${command}?${encodeURIComponent(JSON.stringify([small.id]))}`), `a ${command} link`);
        const trusted = shown.markdown.find((content) => content.value.includes('command:'))?.isTrusted;
        assert.ok(typeof trusted === 'object', 'trusted for some commands only');
        assert.deepEqual([...trusted.enabledCommands].sort(), [...LINKED].sort());
        for (const row of [small, member]) {
          assert.equal(await vscode.commands.executeCommand('imExplorer.revealInExplorer', row.id), row.id, 'the link reveals the row it names');
          assert.equal((await selectionWhen(api, (node) => node.id === row.id))?.id, row.id);
        }
        assert.ok((await hoverAt(member.userId)).value.includes(md(member.userId)));
      });

      it('Find Group reveals a group by id, loading the pages to place it', async () => {
        const groupId = each.farGroupId();
        api.tree.refresh();
        const { result } = await runWithInput<FindGroupOutcome>(api, 'imExplorer.findGroup', [
          picked(/Find group: app/, new RegExp(`^${escapeRegExp(each.appLabel())}$`)),
          typed(/Find group: GroupId/, groupId),
        ]);
        assert.equal(result?.group.GroupId, groupId);
        assert.ok(result?.revealedAt?.endsWith(`/group/${encodeURIComponent(groupId)}`), `revealed at ${result?.revealedAt}`);
        const selected = await selectionWhen(api, (node) => node.id === result?.revealedAt);
        assert.equal(selected?.id, result?.revealedAt);
        assert.equal(selected && labelOf(selected).length > 0, true);
      });

      it('Find Group reports a group that does not exist clearly', async () => {
        const { result, input } = await runWithInput(api, 'imExplorer.findGroup', [
          picked(/Find group: app/, new RegExp(`^${escapeRegExp(each.appLabel())}$`)),
          typed(/Find group: GroupId/, 'no-such-group'),
        ]);
        assert.equal(result, undefined);
        assert.ok(
          api.log.recent.some((line) => /Find Group: /.test(line)),
          api.log.recent.slice(-5).join('\n'),
        );
        assert.ok(
          input.messages.some((message) => message.severity === 'error' && /no-such-group|GroupId|group/i.test(message.message)),
          JSON.stringify(input.messages),
        );
      });

      it('with the lookup on, a hover reads an unknown GroupId once by its app, however many hovers', async () => {
        await configure(api, { 'hover.lookUpUnknownIds': true });
        try {
          api.tree.refresh(); // only the first page of each list is loaded again
          await group(each.smallGroupId()); // the app is loaded, and named in the document
          const unknown = each.unloadedGroupId();
          assert.ok(unknown, 'a GroupId-like group the tree has not loaded');
          const document = await vscode.workspace.openTextDocument({ content: `// app ${each.appId()}\nconst a = '${unknown}';\n`, language: 'plaintext' });
          await vscode.window.showTextDocument(document);
          // Counted in the request log by action and GroupId: the tree may be reading other groups meanwhile.
          const lookups = () =>
            api.log.recent.filter((line) => line.includes(`${each.lookupAction} `) && line.includes(`GroupId=${JSON.stringify(unknown)}`)).length;
          const before = lookups();
          for (let i = 0; i < 3; i++) {
            const offset = document.getText().indexOf(unknown) + 1;
            const hovers =
              (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset))) ?? [];
            const value = hovers
              .flatMap((hover) => hover.contents)
              .map((content) => (content instanceof vscode.MarkdownString ? content.value : String(content)))
              .join('\n');
            assert.ok(value.includes(`Read with ${each.lookupAction}`), value);
            assert.ok(value.includes(`${each.groupTitle} ${md(unknown)}`) && value.includes('CreatorId'), value);
          }
          assert.equal(lookups() - before, 1, 'one request for the id');
        } finally {
          await configure(api, { 'hover.lookUpUnknownIds': false });
        }
      });
    });
  }
});
