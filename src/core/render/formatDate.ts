/** "31 January 2024", "January 2024" or "2024" from an ISO date of that precision (UTC, so it never shifts). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1)];
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls impossible dates over (2024-13-45 would become February 2025).
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return iso;
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC', ...(m[2] ? { month: 'long' } : {}), ...(m[3] ? { day: 'numeric' } : {}) };
  return d.toLocaleDateString('en-GB', options);
}
