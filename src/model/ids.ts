// Checks of ids typed by the user, shared by every prompt: they run as the user types and again before use.
import * as l10n from '@vscode/l10n';

const MAX_ID_LENGTH = 256;

/** Why `value` cannot be a `name` (AppId, GroupId, UserId), or undefined when it can. */
export function idProblem(value: string, name: string): string | undefined {
  if (value.length === 0) return l10n.t('{0} is required.', name);
  if (value.trim().length === 0) return l10n.t('{0} cannot be only spaces.', name);
  if (value.length > MAX_ID_LENGTH) return l10n.t('{0} is too long (at most {1} characters).', name, MAX_ID_LENGTH);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  if (/[\u0000-\u001f\u007f]/.test(value)) return l10n.t('{0} cannot contain control characters such as line breaks or tabs.', name);
  return undefined;
}

/** Several ids typed in one box, separated by commas; empty entries dropped. */
export function splitIds(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

/** The longest text Find in Explorer takes from an editor. */
export const MAX_FIND_TEXT_LENGTH = 128;

/** Why text selected in an editor (already trimmed) cannot be one id to find, or undefined when it can. */
export function findTextProblem(text: string): string | undefined {
  if (text.length === 0) return l10n.t('Select an AppId, GroupId or UserId in the editor (or place the cursor on one) first.');
  if (text.length > MAX_FIND_TEXT_LENGTH)
    return l10n.t('The selection is too long for an id ({0} characters; at most {1}).', text.length, MAX_FIND_TEXT_LENGTH);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
  if (/[\u0000-\u001f\u007f]/.test(text)) return l10n.t('The selection holds control characters such as line breaks or tabs: select one id.');
  if (/\s/u.test(text)) return l10n.t('The selection has spaces inside: select one id.');
  return undefined;
}
