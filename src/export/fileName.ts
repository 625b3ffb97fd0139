// Suggested file names for exports: what was exported, the ids, and the date, safe on every file system.
export type ExportFormat = 'csv' | 'json';

/** Keeps letters, digits, "-", "_" and "."; anything else (/, :, spaces, quotes...) becomes "_". */
export function fileNameSafe(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return safe.slice(0, 80) || '_';
}

/** e.g. members-<AppId>-<GroupId>-2026-12-02.csv; the date is the local calendar day. */
export function suggestedFileName(what: 'members' | 'groups', ids: readonly string[], format: ExportFormat, date: Date = new Date()): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return [what, ...ids.map(fileNameSafe), day].join('-') + `.${format}`;
}
