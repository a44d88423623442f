/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 the fictitious 1900-02-29,
 * so from serial 61 on, day 0 is 1899-12-30. Private to rules; pure arithmetic, no clock.
 */

/** Year and month (1-based) of an Excel serial date, or null outside 1900-03-01 … 9999-12-31. */
export function excelSerialToYearMonth(serial: number): { year: number; month: number } | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2958466) return null;
  // Days since 1970-01-01, then Howard Hinnant's civil_from_days.
  const z = Math.floor(serial) - 25569 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month };
}
