// The messages between a dashboard panel (extension host) and its webview, and the check every message from the
// webview passes before the host acts on it: a webview is an untrusted surface, so anything that is not exactly one
// of these (another type, a field of another type, a payload too large) is dropped. Plain Node; the webview's
// script imports the types only.
import type { Bin, IntervalName } from './bins';
import type { MessageStats } from './messageStats';

/** The charts a dashboard draws (each can be saved, and shown as a table). */
export const CHARTS = ['members', 'joins', 'activity', 'messages', 'senders'] as const;
export type ChartName = (typeof CHARTS)[number];

/** One sample of a group's live figures, taken while its dashboard is visible. */
export interface Sample {
  /** Unix ms. */
  time: number;
  /** Members (the legacy family's Total). */
  members?: number;
  /** Online now (DescribeLiveMessageGroup's OnlineUserCounts). */
  online?: number;
  /** Messages sent in the group so far (the sum of MsgAmount). */
  messages?: number;
  /** DescribeLiveMessageGroup's TotalTimes. */
  totalTimes?: number;
}

export interface HeaderField {
  label: string;
  value: string;
}

export interface MembersState {
  /** Whether the family says when members joined (the LiveMessage family does not). */
  available: boolean;
  interval?: IntervalName;
  intervalLabel?: string;
  bins: Bin[];
  loaded: number;
  total?: number;
  /** A Load All of the members in progress (from the panel or the tree: the same one). */
  loading: boolean;
  /** Whether every member is loaded (the curve is complete). */
  complete: boolean;
}

export interface SamplingState {
  paused: boolean;
  /** Whether the panel is visible (sampling runs only then). */
  visible: boolean;
  everySeconds: number;
  /** The share of the family's per-action rate limit sampling may take, e.g. 0.01. */
  share: number;
  /** The action a sample calls. */
  action: string;
  samples: Sample[];
  error?: string;
}

export interface MessagesState {
  action: string;
  stats?: MessageStats;
  /** Messages read (the newest), and whether there were more. */
  read: number;
  more: boolean;
  error?: string;
  loading: boolean;
}

/** Host → webview. */
export type HostMessage =
  | { type: 'init'; locale: string; strings: Record<string, string>; title: string }
  | { type: 'state'; header: HeaderField[]; members: MembersState; sampling: SamplingState; messages: MessagesState }
  | { type: 'saved'; chart: ChartName; file: string };

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'loadAll' }
  | { type: 'cancelLoad' }
  | { type: 'pauseSampling' }
  | { type: 'resumeSampling' }
  | { type: 'refreshMessages' }
  | { type: 'revealSender'; sender: string }
  | { type: 'save'; chart: ChartName; format: 'png' | 'svg'; data: string };

/** The largest saved chart the host takes (an SVG text or a PNG data URL). */
export const MAX_SAVE_BYTES = 8 * 1024 * 1024;
export const MAX_SENDER_LENGTH = 256;

const BARE: ReadonlySet<string> = new Set(['ready', 'loadAll', 'cancelLoad', 'pauseSampling', 'resumeSampling', 'refreshMessages']);
const PNG_PREFIX = 'data:image/png;base64,';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnly(record: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(record).every((key) => keys.includes(key));
}

/** The message if it is exactly one of ours, else undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value) || typeof value.type !== 'string') return undefined;
  const { type } = value;
  if (BARE.has(type)) return hasOnly(value, ['type']) ? ({ type } as WebviewMessage) : undefined;
  if (type === 'revealSender') {
    const { sender } = value;
    if (!hasOnly(value, ['type', 'sender']) || typeof sender !== 'string' || sender.length === 0 || sender.length > MAX_SENDER_LENGTH) return undefined;
    return { type, sender };
  }
  if (type === 'save') {
    const { chart, format, data } = value;
    if (!hasOnly(value, ['type', 'chart', 'format', 'data'])) return undefined;
    if (typeof chart !== 'string' || !(CHARTS as readonly string[]).includes(chart)) return undefined;
    if ((format !== 'png' && format !== 'svg') || typeof data !== 'string' || data.length === 0 || data.length > MAX_SAVE_BYTES) return undefined;
    if (format === 'png' && !data.startsWith(PNG_PREFIX)) return undefined;
    if (format === 'svg' && !/^<svg[\s>]/.test(data)) return undefined;
    return { type, chart: chart as ChartName, format, data };
  }
  return undefined;
}

/** The bytes of a saved chart: the SVG text, or the PNG the data URL holds. */
export function savedBytes(message: Extract<WebviewMessage, { type: 'save' }>): Buffer {
  return message.format === 'svg' ? Buffer.from(message.data, 'utf8') : Buffer.from(message.data.slice(PNG_PREFIX.length), 'base64');
}
