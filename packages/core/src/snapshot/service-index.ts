import type { BuildSteps } from './build-steps.ts';
import type { AssignmentRow, NameLinkRow } from './rows.ts';

/** A service name as users type it is matched case-insensitively; this is the key. */
export function serviceKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Another name of a service, and how the registry tied the two. */
export interface LinkedName {
  name: string;
  kind: NameLinkRow['kind'];
}

/** A service: its name as its newest record spells it, with its records and other names. */
export interface ServiceView {
  name: string;
  /** Every version of every record with this name: current first, then newest, then IANA's order. */
  history: readonly AssignmentRow[];
  formerNames: LinkedName[];
  laterNames: LinkedName[];
}

const historyOrder = (a: AssignmentRow, b: AssignmentRow) =>
  Number(a.validTo !== null) - Number(b.validTo !== null) ||
  (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0) ||
  a.position - b.position ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Records and name links by service key. */
export class ServiceIndex {
  readonly #records = new Map<string, AssignmentRow[]>();
  readonly #links = new Map<string, NameLinkRow[]>();
  /** Each record's place in its service's history order: the newest spelling comes first. */
  readonly #rank = new Map<AssignmentRow, number>();
  /** Every distinct name ever registered, as first spelled in history order. */
  names: readonly string[] = [];

  /** Indexes the records and links, yielding between steps (each touches every record once). */
  static *steps(
    assignments: readonly AssignmentRow[],
    nameLinks: readonly NameLinkRow[],
  ): BuildSteps<ServiceIndex> {
    const index = new ServiceIndex();
    for (const row of assignments) {
      if (row.serviceName === null) continue;
      const key = serviceKey(row.serviceName);
      const list = index.#records.get(key);
      if (list) list.push(row);
      else index.#records.set(key, [row]);
    }
    yield;
    for (const list of index.#records.values()) list.sort(historyOrder);
    yield;
    for (const list of index.#records.values()) {
      for (const [rank, row] of list.entries()) index.#rank.set(row, rank);
    }
    yield;
    const sortedLinks = [...nameLinks].sort(
      (a, b) => compare(a.formerName, b.formerName) || compare(a.laterName, b.laterName),
    );
    for (const link of sortedLinks) {
      const keys = new Set([serviceKey(link.formerName), serviceKey(link.laterName)]);
      for (const key of keys) {
        const list = index.#links.get(key);
        if (list) list.push(link);
        else index.#links.set(key, [link]);
      }
    }
    index.names = [...index.#records.values()].map((list) => list[0]?.serviceName as string);
    return index;
  }

  private constructor() {}

  /** Every record ever named `name` (any case), current first, then newest. */
  records(name: string): readonly AssignmentRow[] {
    return this.#records.get(serviceKey(name)) ?? [];
  }

  links(name: string): readonly NameLinkRow[] {
    return this.#links.get(serviceKey(name)) ?? [];
  }

  /** The service as its records spell it, or via a name link; undefined when no record used the name. */
  service(name: string): ServiceView | undefined {
    const key = serviceKey(name);
    const history = this.records(name);
    const links = this.links(name);
    let spelled = history[0]?.serviceName;
    if (!spelled) {
      const link = links.find((l) => serviceKey(l.formerName) === key) ?? links[0];
      if (!link) return undefined;
      spelled = serviceKey(link.formerName) === key ? link.formerName : link.laterName;
    }
    return {
      name: spelled,
      history,
      formerNames: links
        .filter((l) => serviceKey(l.laterName) === key)
        .map((l) => ({ name: l.formerName, kind: l.kind })),
      laterNames: links
        .filter((l) => serviceKey(l.formerName) === key)
        .map((l) => ({ name: l.laterName, kind: l.kind })),
    };
  }

  /** Every service, registered or known only from a name link, by key. */
  all(): ServiceView[] {
    const keys = new Set([...this.#records.keys(), ...this.#links.keys()]);
    return [...keys].sort(compare).flatMap((key) => {
      const service = this.service(key);
      return service ? [service] : [];
    });
  }

  /** Distinct names of `rows`, each spelled as its newest matching record does, by key. */
  namesOf(rows: Iterable<AssignmentRow>): string[] {
    const best = new Map<string, AssignmentRow>();
    for (const row of rows) {
      if (row.serviceName === null) continue;
      const key = serviceKey(row.serviceName);
      const known = best.get(key);
      if (!known || (this.#rank.get(row) ?? 0) < (this.#rank.get(known) ?? 0)) best.set(key, row);
    }
    return [...best.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([, row]) => row.serviceName as string);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
