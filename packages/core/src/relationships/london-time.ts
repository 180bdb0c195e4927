// Meeting times are entered as UK wall-clock times (a date and a start, as people say them) and kept as
// instants. Pure: uses only the platform's Intl time zone data.
const zone = "Europe/London";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: zone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The UK wall-clock date ("2026-03-14") and time ("09:30") of an instant. */
export function londonWallClock(instant: Date): { date: string; time: string } {
  const got = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${got.year}-${got.month}-${got.day}`, time: `${got.hour}:${got.minute}` };
}

function offsetMinutes(instant: Date): number {
  const { date, time } = londonWallClock(instant);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a UK wall-clock time. A time that does not exist (the hour skipped when the clocks go
 * forward) is read as the same time an hour later; a time that happens twice takes the first.
 */
export function londonInstant(date: string, time: string): Date {
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(naive)) throw new RangeError(`not a date and time: ${date} ${time}`);
  let guess = naive - offsetMinutes(new Date(naive)) * 60_000;
  // One correction settles it except across a change of the clocks.
  guess = naive - offsetMinutes(new Date(guess)) * 60_000;
  const earlier = naive - offsetMinutes(new Date(guess - 3_600_000)) * 60_000;
  if (earlier !== guess && londonWallClock(new Date(earlier)).time === time) guess = earlier;
  return new Date(guess);
}
