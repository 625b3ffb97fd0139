// Text as the workbench shows it.

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches exactly `text`, surrounding whitespace aside. */
export function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** Whitespace as a person reads it: Monaco renders spaces as U+00A0 and codicons as empty spans. */
export function normalize(text: string | null | undefined): string {
  return String(text ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
