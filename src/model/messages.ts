// Messages shown readably: a body that is JSON is pretty-printed, one that is base64 of UTF-8 text is decoded,
// anything else is shown as it came. Plain Node.
import * as l10n from '@vscode/l10n';
import type { Message } from '../api/types';
import { formatNumber } from './display';

export interface ReadableBody {
  form: 'json' | 'base64 text' | 'text';
  text: string;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// eslint-disable-next-line no-control-regex -- control characters (other than whitespace) mean "not text"
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

export function readableBody(data: string): ReadableBody {
  const trimmed = data.trim();
  if (/^[[{"]/.test(trimmed)) {
    try {
      return { form: 'json', text: JSON.stringify(JSON.parse(trimmed), null, 2) };
    } catch {
      // not JSON after all
    }
  }
  if (trimmed.length >= 8 && BASE64.test(trimmed)) {
    const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
    if (!CONTROL.test(decoded)) {
      const inner = readableBody(decoded);
      return inner.form === 'json' ? { form: 'base64 text', text: inner.text } : { form: 'base64 text', text: decoded };
    }
  }
  return { form: 'text', text: data };
}

function bodyForm(form: ReadableBody['form']): string {
  return form === 'json' ? 'JSON' : form === 'base64 text' ? l10n.t('base64 text') : l10n.t('text');
}

/** A Markdown document of a group's messages, in the order given. */
export function messagesDocument(appId: string, groupId: string, messages: Message[], note: string): string {
  const lines = [`# ${l10n.t('Messages of group {0}', groupId)}`, '', l10n.t('App {0} · {1} messages · {2}', appId, formatNumber(messages.length), note), ''];
  for (const message of messages) {
    const body = readableBody(message.Data);
    lines.push(
      `## ${message.MessageId}`,
      '',
      `- Type: ${message.Type}`,
      `- SenderId: ${message.SenderId}`,
      `- Data (${bodyForm(body.form)}):`,
      '',
      '```' + (body.form === 'text' ? 'text' : 'json'),
      body.text.replace(/```/g, '`\u200b``'),
      '```',
      '',
    );
  }
  if (messages.length === 0) lines.push(l10n.t('No messages.'));
  return lines.join('\n') + '\n';
}
