// Calendar-date arithmetic for readiness: dates are "YYYY-MM-DD" strings in UTC, so they compare as strings and
// no time zone can move a deadline. Pure integer maths (no Date parsing), so years before 100 are not misread.

/** A calendar date written "YYYY-MM-DD" (years 0000–9999). Compares correctly with `<` and `>`. */
export type CalendarDate = string;

const pad = (value: number, width: number) => String(value).padStart(width, "0");

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function fromParts(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function toParts(date: CalendarDate): [year: number, month: number, day: number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/**
 * Reads the calendar date at the start of `value`: "2026-03-03", or a timestamp such as "2026-03-03T23:30:00+01:00",
 * whose date is taken as written (not converted to UTC). Anything else, including impossible dates such as
 * "2025-02-29", gives null, so callers can ignore the record.
 */
export function parseCalendarDate(value: unknown): CalendarDate | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return fromParts(year, month, day);
}

/** The UTC calendar date of an instant, or null for an invalid Date or one outside years 0–9999. */
export function calendarDateOf(instant: Date): CalendarDate | null {
  const time = instant.getTime();
  if (!Number.isFinite(time)) return null;
  const year = instant.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  return fromParts(year, instant.getUTCMonth() + 1, instant.getUTCDate());
}

/** The same day N calendar months later (or earlier), clamped to the month's end: 31 January + 1 month = 28/29 February. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = toParts(date);
  const index = year * 12 + (month - 1) + Math.trunc(months);
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return fromParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil), and back.
function dayNumber(date: CalendarDate): number {
  const [y0, month, day] = toParts(date);
  const year = month <= 2 ? y0 - 1 : y0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromDayNumber(days: number): CalendarDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return fromParts(year, month, day);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + Math.trunc(days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Whether `date` falls in the N months up to and including `today`: after the same day N months before `today`,
 * and not after `today`. So with N = 12 on 2026-03-15, 2025-03-16 counts and 2025-03-15 does not.
 */
export function withinMonthsBefore(
  date: CalendarDate,
  today: CalendarDate,
  months: number,
): boolean {
  return date <= today && date > addMonths(today, -months);
}

/**
 * The first day on which `date` is no longer within the N months before that day (see `withinMonthsBefore`): the
 * same date N months later, or the 1st of the month after when that date does not exist. So 2025-03-15 + 12 months
 * leaves on 2026-03-15, 2024-02-29 on 2025-03-01 (it is still within the 12 months up to 28 February 2025, which
 * reach back to 28 February 2024), and 2025-01-31 + 1 month on 2025-03-01. Readiness uses it for every "N months
 * from" rule (module validity, the support window, appraisal intervals), so they all end the same way.
 */
export function leavesWindowOn(date: CalendarDate, months: number): CalendarDate {
  let day = addMonths(date, months);
  // addMonths only ever clamps downwards, so walking forward a day or two finds the first day outside.
  while (addMonths(day, -months) < date) day = addDays(day, 1);
  return day;
}

const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "3 March 2026", as GOV.UK and NHS.UK write dates. */
export function formatCalendarDate(date: CalendarDate): string {
  const [year, month, day] = toParts(date);
  return `${day} ${monthNames[month - 1] ?? ""} ${year}`;
}
