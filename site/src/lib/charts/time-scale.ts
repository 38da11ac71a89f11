/** A linear scale from dates (YYYY-MM-DD) to x coordinates. */
export function timeScale(from: string, to: string, left: number, right: number) {
  const start = Date.parse(from);
  const span = Math.max(1, Date.parse(to) - start);
  return (date: string) => left + ((Date.parse(date) - start) / span) * (right - left);
}

/** Years to label on a time axis, about `count` of them, on round numbers. */
export function yearTicks(from: string, to: string, count = 8): number[] {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const step = [1, 2, 5, 10, 20].find((s) => (last - first) / s <= count) ?? 50;
  const years: number[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) years.push(year);
  return years;
}
