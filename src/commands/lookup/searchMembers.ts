// Search Members… on a group: exact UserIds (comma-separated) are looked up at once with
// ListMessageGroupUserById; any other text is looked for in the loaded members, then page by page through the
// group at the rate limit, matches added as they arrive. Picking one reveals it (loading the pages in between) or,
// when it is far, opens its detail.
import { l10n } from 'vscode';
import type * as vscode from 'vscode';
import { pagerFor } from '../../api/requests';
import type { MemberDetail } from '../../api/types';
import { idProblem, splitIds } from '../../model/ids';
import type { Services } from '../../services';
import type { GroupNode } from '../../tree/groupNode';
import { segment } from '../../tree/node';
import { searchLiveMembers, type SearchLiveMembersOutcome } from '../live/searchLiveMembers';
import { targetNode, type Command } from '../registry';
import { revealNode } from './apps';

/** UserIds per ListMessageGroupUserById call. The API documents no limit; 50, its page size, is our bound. */
export const USER_IDS_PER_LOOKUP = 50;
/** Matches offered at most by one search. */
const MAX_MATCHES = 200;
/** Pages loaded to reveal a picked member in the tree; farther members open as a detail document. */
const MAX_PAGES_TO_REVEAL = 40;

interface MemberItem extends vscode.QuickPickItem {
  userId: string;
  detailData?: MemberDetail;
}

function exactItems(details: MemberDetail[]): MemberItem[] {
  return details.map((detail) => ({
    label: detail.UserId,
    description: [detail.UserNick, detail.IsMute ? l10n.t('muted') : undefined].filter(Boolean).join(' · '),
    detail: l10n.t('member (exact UserId)'),
    userId: detail.UserId,
    detailData: detail,
  }));
}

async function search(services: Services, group: GroupNode, query: string, found: (items: MemberItem[]) => void, signal: AbortSignal): Promise<void> {
  const { client, settings } = services.session;
  const ids = splitIds(query).filter((id) => idProblem(id, 'UserId') === undefined);
  const offered = new Set<string>();
  const offer = (items: MemberItem[]) => {
    const fresh = items.filter((item) => !offered.has(item.userId) && offered.size < MAX_MATCHES);
    for (const item of fresh) offered.add(item.userId);
    if (fresh.length) found(fresh);
  };
  for (let start = 0; start < ids.length && !signal.aborted; start += USER_IDS_PER_LOOKUP) {
    const batch = ids.slice(start, start + USER_IDS_PER_LOOKUP);
    const response = await client.listMessageGroupUserById({ AppId: group.group.AppId, GroupId: group.group.GroupId, UserIdList: batch }, { signal });
    offer(exactItems(response.Result.UserList));
  }
  if (ids.length !== 1 || query.includes(',')) return; // a list of ids: exact lookups only
  const needle = ids[0].toLowerCase();
  const loaded = group.pagedChildren();
  offer(
    loaded.items
      .filter((member) => member.UserId.toLowerCase().includes(needle))
      .map((member) => ({ label: member.UserId, description: l10n.t('loaded'), userId: member.UserId })),
  );
  if (!loaded.hasMore && loaded.error === undefined && !loaded.isUnloaded) return; // everything is loaded
  const startPage = Math.floor(loaded.items.length / loaded.pageSize) + 1;
  for await (const page of pagerFor(client, group.request(), settings.pageSize).pages({ signal, startPage })) {
    offer(
      page.items
        .filter((member) => member.UserId.toLowerCase().includes(needle))
        .map((member) => ({ label: member.UserId, description: l10n.t('page {0}', page.pageNum), userId: member.UserId })),
    );
    if (offered.size >= MAX_MATCHES) return;
  }
}

export interface SearchMembersOutcome {
  userId: string;
  revealed: boolean;
}

export const searchMembers: Command = {
  id: 'searchMembers',
  async run(services, node): Promise<SearchMembersOutcome | SearchLiveMembersOutcome | undefined> {
    const target = await targetNode(services, node, { kinds: ['group', 'liveGroup'], noun: l10n.t('a group') });
    if (target.kind === 'liveGroup') return searchLiveMembers(services, target);
    const group = target;
    const picked = await services.input.searchPick<MemberItem>(
      {
        title: l10n.t('Search members of {0}', group.group.GroupId),
        placeholder: l10n.t('UserIds (comma-separated) for an exact lookup, or part of a UserId'),
      },
      (query, found, signal) => search(services, group, query, found, signal),
    );
    if (!picked) return undefined;
    const id = group.id + segment('member', picked.userId);
    const member = await services.tree.findNode(id, { loadMore: true, maxPagesPerList: MAX_PAGES_TO_REVEAL });
    if (member) {
      await revealNode(services, member);
      return { userId: picked.userId, revealed: true };
    }
    const detail =
      picked.detailData ??
      (await services.session.client.listMessageGroupUserById({ AppId: group.group.AppId, GroupId: group.group.GroupId, UserIdList: [picked.userId] })).Result
        .UserList[0];
    await services.jsonDocuments.open(`member-${picked.userId}`, { AppId: group.group.AppId, GroupId: group.group.GroupId, ...detail });
    return { userId: picked.userId, revealed: false };
  },
};
