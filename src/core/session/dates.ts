/**
 * Excel serial day of a moment, in China Standard Time (UTC+8) unless told otherwise.
 * @example dateToSerialDay(new Date('2025-03-01T00:00:00+08:00')) // 45717
 */
export function dateToSerialDay(d: Date, offsetMinutes = 480): number {
  const local = d.getTime() + offsetMinutes * 60_000;
  return Math.floor((local - Date.UTC(1899, 11, 30)) / 86_400_000);
}
