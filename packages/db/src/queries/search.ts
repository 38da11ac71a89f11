import { PORT_MAX } from '@portbook/core';
import { and, asc, desc, gte, lte, type SQL, sql } from 'drizzle-orm';
import { distance } from 'fastest-levenshtein';
import type { Db } from '../database.ts';
import { assignments } from '../schema.ts';
import { ASSIGNMENT_TEXT } from './assignment-filter.ts';
import { validAt } from './assignments-containing.ts';
import { allServiceNames, serviceKey } from './services.ts';

export type SearchReason = 'port' | 'range' | 'name' | 'prefix' | 'fuzzy' | 'text';

/** One ranked answer: a port, a range of ports, or a service name (with why it matched). */
export type SearchHit =
  | { kind: 'port'; port: number; score: number; reason: 'port' }
  | { kind: 'range'; low: number; high: number; score: number; reason: 'range' }
  | { kind: 'service'; serviceName: string; score: number; reason: SearchReason };

export interface SearchOptions {
  /** Every service name, when the caller keeps them (fuzzy matching runs over them in memory). */
  names?: readonly string[] | undefined;
  /** Most services returned for a port, a range or words. */
  limit?: number | undefined;
}

const NUMBER = /^\s*(\d{1,6})\s*$/;
const RANGE = /^\s*(\d{1,6})\s*(?:-|–|\.\.|:)\s*(\d{1,6})\s*$/;

/** Names of current named records overlapping [low, high], in port order. */
async function servicesOnPorts(db: Db, low: number, high: number, limit: number) {
  const rows = await db
    .selectDistinctOn([assignments.portLow, sql`lower(${assignments.serviceName})`], {
      name: assignments.serviceName,
    })
    .from(assignments)
    .where(
      and(
        lte(assignments.portLow, high),
        gte(assignments.portHigh, low),
        validAt(undefined),
        sql`${assignments.serviceName} is not null`,
      ),
    )
    .orderBy(asc(assignments.portLow), sql`lower(${assignments.serviceName})`)
    .limit(limit);
  return rows.map((row) => row.name as string);
}

/** `kerberos admin` → `kerberos:* & admin:*`: every word, as a prefix, stemmed the same way. */
function prefixQuery(text: string, join: '&' | '|'): string | null {
  const words = text.toLowerCase().match(/[a-z0-9]+/g);
  return words?.length ? words.map((word) => `${word}:*`).join(` ${join} `) : null;
}

async function servicesByText(db: Db, text: string, join: '&' | '|', limit: number) {
  const query = prefixQuery(text, join);
  if (!query) return [];
  const tsquery = sql`to_tsquery('english', ${query})`;
  const rank = sql<number>`max(ts_rank(${ASSIGNMENT_TEXT}, ${tsquery}))`;
  const rows = await db
    .select({ name: sql<string>`min(${assignments.serviceName})`, rank })
    .from(assignments)
    .where(
      and(
        validAt(undefined),
        sql`${ASSIGNMENT_TEXT} @@ ${tsquery}`,
        sql`${assignments.serviceName} is not null`,
      ) as SQL,
    )
    .groupBy(sql`lower(${assignments.serviceName})`)
    .orderBy(desc(rank), sql`lower(${assignments.serviceName})`)
    .limit(limit);
  return rows.map((row) => ({ name: row.name, rank: Number(row.rank) }));
}

/** Names within a small edit distance of the query (one typo per four letters, at most two). */
export function fuzzyNames(query: string, names: readonly string[]) {
  const key = serviceKey(query);
  const allowed = Math.min(2, Math.max(1, Math.floor(key.length / 4)));
  const matches: { name: string; distance: number; prefix: boolean }[] = [];
  for (const name of names) {
    const candidate = name.toLowerCase();
    if (candidate === key) continue;
    const prefix = candidate.startsWith(key) && key.length >= 2;
    if (prefix) {
      matches.push({ name, distance: candidate.length - key.length, prefix });
      continue;
    }
    if (Math.abs(candidate.length - key.length) > allowed) continue;
    const d = distance(candidate, key);
    if (d <= allowed) matches.push({ name, distance: d, prefix });
  }
  return matches;
}

/**
 * One search box for everything: a port ("443"), a range ("6000-6010"), a service name in any
 * case ("SSH"), words from descriptions ("kerberos admin"), with typos tolerated ("kerbros").
 * Ranked best first; a service found several ways keeps its best score.
 */
export async function searchRegistry(
  db: Db,
  query: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  const limit = options.limit ?? 100;
  const hits: SearchHit[] = [];
  const services = new Map<string, Extract<SearchHit, { kind: 'service' }>>();
  const addService = (serviceName: string, score: number, reason: SearchReason) => {
    const key = serviceKey(serviceName);
    const known = services.get(key);
    if (!known || known.score < score)
      services.set(key, { kind: 'service', serviceName, score, reason });
  };

  const range = RANGE.exec(query);
  const number = NUMBER.exec(query);
  if (range) {
    const [low, high] = [Number(range[1]), Number(range[2])].sort((a, b) => a - b) as [
      number,
      number,
    ];
    if (high <= PORT_MAX) {
      hits.push({ kind: 'range', low, high, score: 100, reason: 'range' });
      for (const name of await servicesOnPorts(db, low, high, limit)) addService(name, 80, 'range');
    }
  } else if (number) {
    const port = Number(number[1]);
    if (port <= PORT_MAX) {
      hits.push({ kind: 'port', port, score: 100, reason: 'port' });
      for (const name of await servicesOnPorts(db, port, port, limit)) addService(name, 90, 'port');
    }
  } else if (query.trim()) {
    const names = options.names ?? (await allServiceNames(db));
    const key = serviceKey(query);
    const exact = names.find((name) => name.toLowerCase() === key);
    if (exact) addService(exact, 95, 'name');
    for (const match of fuzzyNames(query, names)) {
      if (match.prefix) addService(match.name, 70 - Math.min(match.distance, 20), 'prefix');
      else addService(match.name, 60 - 10 * match.distance, 'fuzzy');
    }
    let text = await servicesByText(db, query, '&', limit);
    let weight = 50;
    if (text.length === 0) {
      text = await servicesByText(db, query, '|', limit);
      weight = 30;
    }
    for (const { name, rank } of text) addService(name, weight * (rank / (rank + 0.1)), 'text');
  }

  const ranked = [...services.values()].sort(
    (a, b) => b.score - a.score || a.serviceName.localeCompare(b.serviceName),
  );
  return [...hits, ...ranked].slice(0, Math.max(limit, hits.length));
}
