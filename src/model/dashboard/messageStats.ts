// What the newest messages of a group say about it: how many a minute, by type, and who sends the most. Plain Node.
// Messages of either family arrive as DashboardMessage: a type, a sender and, where the family says it, a time.

export interface DashboardMessage {
  type: number;
  sender: string;
  /** Unix seconds; the legacy family's ListMessage gives none. */
  time?: number;
}

export interface MinuteCount {
  /** Unix seconds at the start of the minute. */
  minute: number;
  type: number;
  count: number;
}

export interface SenderCount {
  sender: string;
  count: number;
}

export interface MessageStats {
  /** Messages read. */
  total: number;
  byType: { type: number; count: number }[];
  /** Per minute and type, oldest first; empty when the messages carry no time. */
  perMinute: MinuteCount[];
  /** The senders of the most messages, most first (ties by sender). */
  topSenders: SenderCount[];
  /** Whether the messages had times (else only counts can be shown). */
  timed: boolean;
}

export const TOP_SENDERS = 10;

export function messageStats(messages: readonly DashboardMessage[]): MessageStats {
  const byType = new Map<number, number>();
  const bySender = new Map<string, number>();
  const perMinute = new Map<string, MinuteCount>();
  let timed = 0;
  for (const message of messages) {
    byType.set(message.type, (byType.get(message.type) ?? 0) + 1);
    bySender.set(message.sender, (bySender.get(message.sender) ?? 0) + 1);
    if (message.time === undefined || !Number.isFinite(message.time)) continue;
    timed++;
    const minute = Math.floor(message.time / 60) * 60;
    const key = `${minute}:${message.type}`;
    const entry = perMinute.get(key) ?? { minute, type: message.type, count: 0 };
    entry.count++;
    perMinute.set(key, entry);
  }
  return {
    total: messages.length,
    byType: [...byType].map(([type, count]) => ({ type, count })).sort((a, b) => a.type - b.type),
    perMinute: [...perMinute.values()].sort((a, b) => a.minute - b.minute || a.type - b.type),
    topSenders: [...bySender]
      .map(([sender, count]) => ({ sender, count }))
      .sort((a, b) => b.count - a.count || (a.sender < b.sender ? -1 : a.sender > b.sender ? 1 : 0))
      .slice(0, TOP_SENDERS),
    timed: messages.length > 0 && timed === messages.length,
  };
}
