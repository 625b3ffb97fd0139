// How numbers and times are written for the display language (vscode.env.language, set once at activation).
// Plain Node, so the model and the API layer can format too; ids and API values are never passed through here.

let locale = 'en';
// Built on first use: creating Intl formatters costs milliseconds (locale data), too much for activation.
let formats: { number: Intl.NumberFormat; minute: Intl.DateTimeFormat; second: Intl.DateTimeFormat } | undefined;

function currentFormats(): NonNullable<typeof formats> {
  return (formats ??= { number: new Intl.NumberFormat(locale), minute: dateTimeFormat(locale, false), second: dateTimeFormat(locale, true) });
}

function dateTimeFormat(locale: string, seconds: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  });
}

/** The language tag the formats follow, e.g. "zh-CN"; an unknown or malformed tag falls back to English. */
export function setDisplayLocale(language: string): string {
  let canonical = 'en';
  try {
    canonical = Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch {
    // a malformed tag: keep English
  }
  locale = canonical;
  formats = undefined;
  return locale;
}

/** 12345 as "12,345" in English. */
export function formatNumber(value: number): string {
  return currentFormats().number.format(value);
}

/** A time in the local time zone, to the minute (or to the second). */
export function formatTime(date: Date, withSeconds = false): string {
  const { minute, second } = currentFormats();
  return (withSeconds ? second : minute).format(date);
}
