// The group a member or message row belongs to: the rows of a group's lists are its children (a range row only
// shows them), and a message is in the group's Messages row.
import type { GroupRow } from '../../tree/concepts';
import { isKind } from '../../tree/concepts';
import type { ExplorerNode } from '../../tree/node';

export function groupOf(row: ExplorerNode): GroupRow {
  const group = row.kind === 'group' ? row : row.kind === 'message' ? row.parent?.parent : row.parent;
  if (!isKind(group, ['group'])) throw new Error(`${row.id} is not in a group`);
  return group;
}
