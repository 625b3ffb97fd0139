// Search Members… in a LiveMessage group: the text is looked for in the loaded members, then page by page through
// the group's token pages at the rate limit, matches offered as they arrive (the family has no lookup by UserId).
// Picking one reveals it (loading the pages in between) or, when it is far, opens it as a document.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { tokenPagerFor } from '../../api/requests';
import type { LiveMessageUser } from '../../api/types';
import type { Services } from '../../services';
import type { LiveGroupNode } from '../../tree/liveGroupNode';
import { segment } from '../../tree/node';
import { revealNode } from '../lookup/apps';

const MAX_MATCHES = 200;
const MAX_PAGES_TO_REVEAL = 40;

interface MemberItem extends vscode.QuickPickItem {
  member: LiveMessageUser;
}

async function search(services: Services, group: LiveGroupNode, query: string, found: (items: MemberItem[]) => void, signal: AbortSignal): Promise<void> {
  const needle = query.trim().toLowerCase();
  if (needle === '') return;
  const offered = new Set<string>();
  const offer = (members: LiveMessageUser[], where: string) => {
    const fresh = members.filter((member) => member.UserId.toLowerCase().includes(needle) && !offered.has(member.UserId) && offered.size < MAX_MATCHES);
    for (const member of fresh) offered.add(member.UserId);
    if (fresh.length) found(fresh.map((member) => ({ label: member.UserId, description: [where, member.UserInfo].filter(Boolean).join(' · '), member })));
  };
  const loaded = group.pagedChildren();
  offer(loaded.items, l10n.t('loaded'));
  if (!loaded.hasMore && loaded.error === undefined && !loaded.isUnloaded) return; // everything is loaded
  const { client, settings } = services.session;
  // Tokens cannot be skipped to: the walk starts at the first page; members offered already are not offered again.
  for await (const page of tokenPagerFor(client, group.request(), settings.pageSize).pages({ signal })) {
    offer(page.items, l10n.t('page {0}', page.pageIndex));
    if (offered.size >= MAX_MATCHES) return;
  }
}

export interface SearchLiveMembersOutcome {
  userId: string;
  revealed: boolean;
}

export async function searchLiveMembers(services: Services, group: LiveGroupNode): Promise<SearchLiveMembersOutcome | undefined> {
  const picked = await services.input.searchPick<MemberItem>(
    { title: l10n.t('Search members of {0}', group.group.GroupId), placeholder: l10n.t('Part of a UserId') },
    (query, found, signal) => search(services, group, query, found, signal),
  );
  if (!picked) return undefined;
  const id = group.id + segment('member', picked.member.UserId);
  const member = await services.tree.findNode(id, { loadMore: true, maxPagesPerList: MAX_PAGES_TO_REVEAL });
  if (member) {
    await revealNode(services, member);
    return { userId: picked.member.UserId, revealed: true };
  }
  await services.jsonDocuments.open(`member-${picked.member.UserId}`, { ...group.where, ...picked.member });
  return { userId: picked.member.UserId, revealed: false };
}
