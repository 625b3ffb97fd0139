// Search Members… on a group of either family: exact UserIds (comma-separated) are looked up at once where the
// family can (legacy ListMessageGroupUserById); any other text is looked for in the loaded members, then in the
// members the tree's own list loads from where it stands (at the rate limit), matches offered as they arrive.
// What the search loads stays in the tree, so the member picked is revealed without reading a page again; one the
// tree cannot show (found by an exact lookup, far away) opens as a document.
import { l10n } from 'vscode';
import type * as vscode from 'vscode';
import { UserInputError } from '../../errors';
import { idProblem, splitIds } from '../../model/ids';
import type { Services } from '../../services';
import type { GroupRow, MemberHit, MemberItem } from '../../tree/concepts';
import { onRow } from '../registry';
import { GROUPS_WITH_MEMBERS } from '../targets';
import { revealNode } from './apps';

/** Matches offered at most by one search. */
const MAX_MATCHES = 200;
/** Pages loaded to reveal a member found by an exact lookup; farther members open as a detail document. */
const MAX_PAGES_TO_REVEAL = 40;

interface MemberPick extends vscode.QuickPickItem {
  member: MemberItem | MemberHit;
  userId: string;
}

async function search(services: Services, group: GroupRow, query: string, found: (items: MemberPick[]) => void, signal: AbortSignal): Promise<void> {
  const list = group.memberList();
  if (!list) return;
  const offered = new Set<string>();
  const offer = (items: MemberPick[]) => {
    const fresh = items.filter((item) => !offered.has(item.userId) && offered.size < MAX_MATCHES);
    for (const item of fresh) offered.add(item.userId);
    if (fresh.length) found(fresh);
  };
  const ids = splitIds(query).filter((id) => idProblem(id, 'UserId') === undefined);
  if (group.lookUpMembers && ids.length > 0) {
    const hits = await group.lookUpMembers(ids, signal);
    offer(hits.map((hit) => ({ label: hit.userId, description: hit.description, detail: l10n.t('member (exact UserId)'), member: hit, userId: hit.userId })));
    if (ids.length !== 1 || query.includes(',')) return; // a list of ids: exact lookups only
  }
  const needle = query.trim().toLowerCase();
  if (needle === '') return;
  const matching = (members: readonly MemberItem[]) =>
    members
      .filter((member) => member.UserId.toLowerCase().includes(needle))
      .map((member) => ({ label: member.UserId, description: group.memberDescription(member), member, userId: member.UserId }));
  offer(matching(list.items));
  if (!list.hasMore || list.error !== undefined || signal.aborted) return; // everything is loaded, or it cannot be
  // The rest through the tree's own list: what is loaded stays there. Enough matches end the load early.
  const enough = new AbortController();
  const stop = () => enough.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    await list.loadAll(
      enough.signal,
      () => undefined,
      (fresh) => {
        offer(matching(fresh));
        if (offered.size >= MAX_MATCHES) enough.abort();
      },
    );
  } finally {
    signal.removeEventListener('abort', stop);
    services.tree.redraw(group);
  }
}

export interface SearchMembersOutcome {
  userId: string;
  revealed: boolean;
}

export const searchMembers = onRow('searchMembers', GROUPS_WITH_MEMBERS, async (services, group): Promise<SearchMembersOutcome | undefined> => {
  if (!group.memberList()) throw new UserInputError(l10n.t('Group {0} has no member list to search.', group.groupId));
  const picked = await services.input.searchPick<MemberPick>(
    {
      title: l10n.t('Search members of {0}', group.groupId),
      placeholder: group.lookUpMembers ? l10n.t('UserIds (comma-separated) for an exact lookup, or part of a UserId') : l10n.t('Part of a UserId'),
    },
    (query, found, signal) => search(services, group, query, found, signal),
  );
  if (!picked) return undefined;
  const member = await services.tree.findNode(group.childId(picked.userId), { loadMore: true, maxPagesPerList: MAX_PAGES_TO_REVEAL });
  if (member) {
    await revealNode(services, member);
    return { userId: picked.userId, revealed: true };
  }
  await services.jsonDocuments.open(`member-${picked.userId}`, await group.memberDocument(picked.member));
  return { userId: picked.userId, revealed: false };
});
