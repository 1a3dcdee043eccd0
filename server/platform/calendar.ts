/** The calendar day in Italy: deadlines, periods and "today" are Italian days, whatever the server's zone. */

const romeDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day an instant falls on in Italy, 'YYYY-MM-DD'. */
export function romeDate(instant: Date): string {
  return romeDay.format(instant);
}
