// A LiveMessage pin read fresh for the Pinned section, in its data center: a group by DescribeLiveMessageGroup (a
// deleted group is a deleted group's row), a member by CheckLiveMessageUsersInGroup (whether they are online; the
// family cannot say whether a user is still a member) with its group, which the member row belongs to. An app or
// group the server does not know, or a deleted group's member, is "gone" (ResourceNotExist); any other failure is
// thrown (the section shows an error row).
import { l10n } from 'vscode';
import { ApiError } from '../../api/errors';
import { callOf } from '../../api/requests';
import type { DataCenter } from '../../api/types';
import { describeError } from '../../errors';
import type { PinPlace, PinRead } from '../concepts';
import { GroupNode } from './groupNode';
import { MemberNode, type OnlineState } from './memberNode';

export async function readLivePin({ parent, services, pin, id, context, groupRowId }: PinPlace): Promise<PinRead> {
  const { client } = services.session;
  const dataCenter = pin.dataCenter as DataCenter; // every LiveMessage pin names it (src/model/pins.ts)
  const where = { AppId: pin.appId, GroupId: pin.groupId, DataCenter: dataCenter };
  /** The group's row at `rowId`; what DescribeLiveMessageGroup answers is what the row reads when it is opened. */
  const readGroup = async (rowId: string) => {
    const described = await callOf(client, { action: 'DescribeLiveMessageGroup', params: where });
    services.details.set(rowId, described);
    const { AdminList, Createtime, CreatorId, Delete, GroupId, GroupInfo, GroupName } = described;
    return new GroupNode(parent, services, rowId, context, { AdminList, Createtime, CreatorId, Delete, GroupId, GroupInfo, GroupName });
  };
  try {
    if (pin.userId === undefined) return { row: await readGroup(id) };
    const { userId } = pin;
    const [group, answer] = await Promise.all([
      readGroup(groupRowId),
      callOf(client, { action: 'CheckLiveMessageUsersInGroup', params: { ...where, UserIds: [userId] } }),
    ]);
    const checked = answer.Users.find((user) => user.UserId === userId) ?? { UserId: userId, Online: false };
    services.details.set(id, { Online: checked.Online, checkedAt: Date.now() } satisfies OnlineState);
    // The member's row belongs to its group (commands on a member act on that group), and is shown under Pinned.
    const row = new MemberNode(group, services, id, { ...context, dataCenter, groupId: pin.groupId, groupRowId }, checked);
    row.shownUnder = parent;
    return { row };
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'ResourceNotExist')) throw error;
    return {
      gone: {
        short: l10n.t('gone'),
        reason: l10n.t('Group {0} of LiveMessage app {1} ({2}) no longer exists or was deleted: {3}', pin.groupId, pin.appId, dataCenter, describeError(error)),
      },
    };
  }
}
