import { executeOnSnapshot } from '@portbook/api';
import { PORT_MAX, type RegistrySnapshot } from '@portbook/core';
import { createPortContext } from '../../src/lib/port-context.ts';
import { buildPortPage } from '../../src/lib/port-page.ts';

/** What a port page and the API's `port` both state about one port. */
export interface PortFacts {
  port: number;
  status: string;
  /** The id (slug) of its IANA class today. */
  rangeClass: string | null;
  ephemeralRanges: string[];
  /** Ids of today's records holding it, sorted. */
  assignments: string[];
  previousAssigned: number | null;
  nextAssigned: number | null;
  nearestFree: number | null;
  /** Ids of its history's events, sorted: every one, whether a line shows it alone or not. */
  history: string[];
}

/** Every port page's facts, from the props the page renders (`buildPortPage`). */
export function sitePortFacts(snapshot: RegistrySnapshot, today: string): PortFacts[] {
  const context = createPortContext(snapshot, today);
  return Array.from({ length: PORT_MAX + 1 }, (_, port) => {
    const page = buildPortPage(port, context);
    return {
      port,
      status: page.summary.status,
      rangeClass: page.rangeClass?.id ?? null,
      ephemeralRanges: page.ephemeral.map((range) => range.id),
      assignments: [...page.records, ...page.ranges].flatMap((record) => record.ids).sort(),
      previousAssigned: page.previous?.port ?? null,
      nextAssigned: page.next?.port ?? null,
      nearestFree: page.nearestFree,
      history: page.history.events.flatMap((line) => line.ids).sort(),
    };
  });
}

/** `22 nearestFree: site 21, API 23` for each fact the two state differently. */
export function differencesOf(site: PortFacts, api: PortFacts | undefined): string[] {
  if (!api) return [`${site.port}: no answer from the API`];
  return (Object.keys(site) as (keyof PortFacts)[]).flatMap((fact) => {
    const [mine, theirs] = [site[fact], api[fact]];
    if (JSON.stringify(mine) === JSON.stringify(theirs)) return [];
    if (Array.isArray(mine) && Array.isArray(theirs)) {
      const only = (a: string[], b: string[]) => a.filter((id) => !b.includes(id)).slice(0, 3);
      return [
        `${site.port} ${fact}: site ${mine.length}, API ${theirs.length}; only on the site ${only(mine, theirs)}; only in the API ${only(theirs, mine)}`,
      ];
    }
    return [`${site.port} ${fact}: site ${JSON.stringify(mine)}, API ${JSON.stringify(theirs)}`];
  });
}

/** Larger than any port's records or events in the real history; a longer list fails loudly. */
const PAGE = 60;
/** Ports per operation, under the API's complexity limit. */
const BATCH = 40;

const PORT_FIELDS = `
  number status rangeClass { slug } ephemeralRanges { slug }
  assignments(first: ${PAGE}) { totalCount nodes { id } }
  previousAssigned { number } nextAssigned { number } nearestUnassigned { number }
  history(first: ${PAGE}) { totalCount nodes { id } }`;

interface PortAnswer {
  number: number;
  status: string;
  rangeClass: { slug: string } | null;
  ephemeralRanges: { slug: string }[];
  assignments: { totalCount: number; nodes: { id: string }[] };
  previousAssigned: { number: number } | null;
  nextAssigned: { number: number } | null;
  nearestUnassigned: { number: number } | null;
  history: { totalCount: number; nodes: { id: string }[] };
}

/** Every port as the API answers it: its schema executed in-process over the same snapshot. */
export async function apiPortFacts(snapshot: RegistrySnapshot): Promise<PortFacts[]> {
  const facts: PortFacts[] = [];
  for (let low = 0; low <= PORT_MAX; low += BATCH) {
    const ports = Array.from({ length: Math.min(BATCH, PORT_MAX + 1 - low) }, (_, i) => low + i);
    // The ports as variables: every full batch is one operation, which runs compiled.
    const result = await executeOnSnapshot(
      snapshot,
      `query Ports(${ports.map((_, i) => `$n${i}: Int!`).join(', ')}) {
        ${ports.map((_, i) => `p${i}: port(number: $n${i}) { ${PORT_FIELDS} }`).join('\n')} }`,
      Object.fromEntries(ports.map((port, i) => [`n${i}`, port])),
    );
    if (result.errors?.length)
      throw new Error(`the API refused ports ${low}-: ${result.errors[0]}`);
    const data = result.data as Record<string, PortAnswer>;
    for (let i = 0; i < ports.length; i++) facts.push(portFacts(data[`p${i}`] as PortAnswer));
  }
  return facts;
}

function portFacts(answer: PortAnswer): PortFacts {
  for (const list of [answer.assignments, answer.history]) {
    if (list.totalCount > list.nodes.length)
      throw new Error(`port ${answer.number} has ${list.totalCount} entries: raise PAGE`);
  }
  return {
    port: answer.number,
    status: answer.status.toLowerCase(),
    rangeClass: answer.rangeClass?.slug ?? null,
    ephemeralRanges: answer.ephemeralRanges.map((range) => range.slug),
    assignments: answer.assignments.nodes.map((node) => rawId(node.id)).sort(),
    previousAssigned: answer.previousAssigned?.number ?? null,
    nextAssigned: answer.nextAssigned?.number ?? null,
    nearestFree: answer.nearestUnassigned?.number ?? null,
    history: answer.history.nodes.map((node) => rawId(node.id)).sort(),
  };
}

/** A Relay global id is base64 of `Type:id`. */
function rawId(globalId: string): string {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}
