// A legacy pin read fresh for the Pinned section: a group by GetMessageGroup, a member by ListMessageGroupUserById.
// An app or group the server no longer knows (InvalidAppId.NotFound, InvalidGroupId.NotFound), or a member no longer
// in the group, is "gone"; any other failure is thrown (the section shows it as an error row with Retry).
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
  try {
    if (pin.userId === undefined) {
      const detail = (await callOf(client, { action: 'GetMessageGroup', params: where })).Result;
      services.details.set(id, detail); // what Show Details reads: the row's tooltip shows it
      const { GroupId, CreatorId, CreateTime, Status, Extension } = detail;
      return { row: new GroupNode(parent, services, id, context, { GroupId, AppId: pin.appId, CreatorId, CreateTime, Status, Extension }) };
    }
    const { userId } = pin;
    const found = (await callOf(client, { action: 'ListMessageGroupUserById', params: { ...where, UserIdList: [userId] } })).Result.UserList.find(
      (member) => member.UserId === userId,
    );
    if (!found) {
      return { gone: { short: l10n.t('no longer a member'), reason: l10n.t('{0} is no longer a member of group {1}.', userId, pin.groupId) } };
    }
    services.details.set(id, found);
    return { row: new MemberNode(parent, services, id, { ...context, groupId: pin.groupId, groupRowId }, found) };
  } catch (error) {
    if (!(error instanceof ApiError && GONE_CODES.has(error.code))) throw error;
    return { gone: { short: l10n.t('gone'), reason: l10n.t('Group {0} of app {1} no longer exists: {2}', pin.groupId, pin.appId, describeError(error)) } };
  }
}
