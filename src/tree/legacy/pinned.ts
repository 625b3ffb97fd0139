// A legacy pin read fresh for the Pinned section: a group by GetMessageGroup, a member by ListMessageGroupUserById
// (with its group, which the member row belongs to). An app or group the server no longer knows
// (InvalidAppId.NotFound, InvalidGroupId.NotFound), or a member no longer in the group, is "gone"; any other failure
// is thrown (the section shows it as an error row with Retry).
import { l10n } from 'vscode';
import { ApiError } from '../../api/errors';
import { callOf } from '../../api/requests';
import { describeError } from '../../errors';
import type { PinPlace, PinRead } from '../concepts';
import { GroupNode } from './groupNode';
import { MemberNode } from './memberNode';

const GONE_CODES: ReadonlySet<string> = new Set(['InvalidAppId.NotFound', 'InvalidGroupId.NotFound']);

export async function readLegacyPin({ parent, services, pin, id, context, groupRowId }: PinPlace): Promise<PinRead> {
  const { client } = services.session;
  const where = { AppId: pin.appId, GroupId: pin.groupId };
  /** The group's row at `rowId`; what GetMessageGroup answers is what Show Details reads (the tooltip shows it). */
  const readGroup = async (rowId: string) => {
    const detail = (await callOf(client, { action: 'GetMessageGroup', params: where })).Result;
    services.details.set(rowId, detail);
    const { GroupId, CreatorId, CreateTime, Status, Extension } = detail;
    return new GroupNode(parent, services, rowId, context, { GroupId, AppId: pin.appId, CreatorId, CreateTime, Status, Extension });
  };
  try {
    if (pin.userId === undefined) return { row: await readGroup(id) };
    const { userId } = pin;
    const [group, members] = await Promise.all([
      readGroup(groupRowId),
      callOf(client, { action: 'ListMessageGroupUserById', params: { ...where, UserIdList: [userId] } }),
    ]);
    const found = members.Result.UserList.find((member) => member.UserId === userId);
    if (!found) {
      return { gone: { short: l10n.t('no longer a member'), reason: l10n.t('{0} is no longer a member of group {1}.', userId, pin.groupId) } };
    }
    services.details.set(id, found);
    // The member's row belongs to its group (commands on a member act on that group), and is shown under Pinned.
    const row = new MemberNode(group, services, id, { ...context, groupId: pin.groupId, groupRowId }, found);
    row.shownUnder = parent;
    return { row };
  } catch (error) {
    if (!(error instanceof ApiError && GONE_CODES.has(error.code))) throw error;
    return { gone: { short: l10n.t('gone'), reason: l10n.t('Group {0} of app {1} no longer exists: {2}', pin.groupId, pin.appId, describeError(error)) } };
  }
}
