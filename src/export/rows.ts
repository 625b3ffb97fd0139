// What one exported row holds. CSV keeps every field of the API object as its own column, in a fixed order known
// before the first page arrives (no first pass over the data); Extension maps stay one JSON column, because their
// keys are only known once every row has been seen.
import type { GroupMember, LiveMessageGroup, LiveMessageUser, MessageGroup } from '../api/types';

export interface ExportedGroup extends MessageGroup {
  /** The configured user whose ListMessageGroup listed the group (the legacy API lists groups per user). */
  ListedByUserId?: string;
}

export interface RowShape<Item> {
  columns: readonly string[];
  cells(item: Item): unknown[];
}

export const MEMBER_ROWS: RowShape<GroupMember> = {
  columns: ['UserId', 'JoinTime'],
  cells: (member) => [member.UserId, member.JoinTime],
};

const GROUP_COLUMNS = ['GroupId', 'AppId', 'CreateTime', 'Status', 'CreatorId', 'Extension'] as const;

export function groupRows(withListingUser: boolean): RowShape<ExportedGroup> {
  return {
    columns: withListingUser ? [...GROUP_COLUMNS, 'ListedByUserId'] : GROUP_COLUMNS,
    cells: (group) => {
      const cells: unknown[] = [group.GroupId, group.AppId, group.CreateTime, group.Status, group.CreatorId, group.Extension];
      if (withListingUser) cells.push(group.ListedByUserId);
      return cells;
    },
  };
}

export const LIVE_MEMBER_ROWS: RowShape<LiveMessageUser> = {
  columns: ['UserId', 'UserInfo'],
  cells: (member) => [member.UserId, member.UserInfo],
};

export const LIVE_GROUP_ROWS: RowShape<LiveMessageGroup> = {
  columns: ['GroupId', 'GroupName', 'CreatorId', 'Createtime', 'Delete', 'AdminList', 'GroupInfo'],
  cells: (group) => [group.GroupId, group.GroupName, group.CreatorId, group.Createtime, group.Delete, group.AdminList, group.GroupInfo],
};

/**
 * A cell as text: objects as JSON, absent values empty. A text a spreadsheet would run as a formula (starting
 * with = + - @, tab or carriage return) gets a leading single quote, so opening the file never runs it.
 */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) return `'${text}`;
  return text;
}
