// A LiveMessage member's UserInfo: a text the application chose, most often JSON such as {"nick":"lin","level":3}.
// A row shows what a person looks for (the nick, a level or role where the JSON has one); the tooltip shows every
// field. Plain Node.
import * as l10n from '@vscode/l10n';

const NICK_KEYS = ['nick', 'nickname', 'nickName', 'userNick', 'name', 'displayName'];
const LEVEL_KEYS = ['level', 'lv', 'grade'];
const ROLE_KEYS = ['role'];
/** The longest description taken from a UserInfo that is not JSON. */
const MAX_TEXT = 60;

export interface UserInfoView {
  /** For the row: the nick, level and role; a text that is not JSON, shortened. Undefined when there is nothing to show. */
  short: string | undefined;
  /** For the tooltip: every field of a JSON object (values that are objects as JSON); undefined when it is not one. */
  fields: Record<string, string> | undefined;
}

function fieldOf(object: Record<string, unknown>, keys: readonly string[]): string | undefined {
  const lower = new Map(Object.keys(object).map((key) => [key.toLowerCase(), key]));
  for (const key of keys) {
    const found = lower.get(key.toLowerCase());
    const value = found === undefined ? undefined : object[found];
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value).trim();
  }
  return undefined;
}

function parsedObject(text: string): Record<string, unknown> | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function viewUserInfo(userInfo: string | undefined): UserInfoView {
  const text = (userInfo ?? '').trim();
  if (text === '') return { short: undefined, fields: undefined };
  const object = parsedObject(text);
  if (!object) return { short: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text, fields: undefined };
  const nick = fieldOf(object, NICK_KEYS);
  const level = fieldOf(object, LEVEL_KEYS);
  const role = fieldOf(object, ROLE_KEYS);
  const parts = [nick, level !== undefined ? l10n.t('level {0}', level) : undefined, role];
  const short = parts.filter(Boolean).join(' · ') || undefined;
  const fields = Object.fromEntries(Object.entries(object).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
  return { short, fields };
}
