import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../database.ts';
import { assignments } from '../schema.ts';
import { type AssignmentFilter, assignmentWhere } from './assignment-filter.ts';
import { rawRows } from './raw-rows.ts';

/** Keyset page over port numbers: ascending after `after`, or the ones just before `before`. */
export interface PortPage {
  limit: number;
  after?: number | undefined;
  before?: number | undefined;
  /** Take the last `limit` ports (before `before`) instead of the first. */
  fromEnd?: boolean | undefined;
}

/** Every port number a matching record covers (ranges expanded), clipped to `within`. */
function portNumbers(filter: AssignmentFilter): SQL {
  const low = filter.within?.low ?? 0;
  const high = filter.within?.high ?? 65535;
  return sql`select distinct n from ${assignments}
    cross join lateral generate_series(greatest(${assignments.portLow}, ${low}::int), least(${assignments.portHigh}, ${high}::int)) as n
    where ${assignmentWhere(filter)} and ${assignments.portLow} is not null`;
}

/** The port numbers covered by records matching the filter, one page, ascending. */
export async function listPorts(
  db: Db,
  filter: AssignmentFilter,
  page: PortPage,
): Promise<number[]> {
  const bounds: SQL[] = [];
  if (page.after !== undefined) bounds.push(sql`n > ${page.after}`);
  if (page.before !== undefined) bounds.push(sql`n < ${page.before}`);
  const where = bounds.length ? sql`where ${sql.join(bounds, sql` and `)}` : sql``;
  const order = page.fromEnd ? sql`desc` : sql`asc`;
  const rows = await rawRows<{ n: number }>(
    db,
    sql`select n from (${portNumbers(filter)}) as ports ${where} order by n ${order} limit ${page.limit}`,
  );
  const numbers = rows.map((row) => Number(row.n));
  return page.fromEnd ? numbers.reverse() : numbers;
}

export async function countPorts(db: Db, filter: AssignmentFilter): Promise<number> {
  const [row] = await rawRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from (${portNumbers(filter)}) as ports`,
  );
  return Number(row?.count ?? 0);
}
