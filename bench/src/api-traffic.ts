/**
 * The varied traffic the API benchmark and the load test send: each kind of request steps
 * through its inputs (every port, every service name, a day of every year), so consecutive
 * requests differ, a response cache of 5,000 entries mostly misses, and two runs send the same.
 */
export interface Traffic {
  name: string;
  query: string;
  /** The variables of the `i`-th request of this kind. */
  variables(i: number): Record<string, unknown>;
}

/** What the inputs are drawn from: names and dates of the registry the server holds. */
export interface TrafficInputs {
  /** Service names of the current registry. */
  serviceNames: readonly string[];
  /** The first and last day time-travel lookups may ask about (`YYYY-MM-DD`). */
  firstDay: string;
  lastDay: string;
}

const PORTS = 65_536;
/** Odd, so `i * step mod 65,536` visits every port once per 65,536 requests, far apart in turn. */
const PORT_STEP = 40_503;
const portNumber = (i: number) => (i * PORT_STEP) % PORTS;

/** What a port page asks: status, class, records containing the port, its neighbours. */
const PORT_FIELDS = `number status
  rangeClass { name low high }
  assignments { nodes { serviceName protocol portRange { low high } description status validFrom
    assignee { name } references { url } } }
  previousAssigned { number } nextAssigned { number }`;

/** Typed by people: words, numbers, ranges, typos; the rest of the searches are service names. */
const TYPED_SEARCHES = [
  'secure shell',
  'kerberos admin',
  'mail transfer',
  'time protocol',
  'printer',
  'game',
  'video',
  'postgress',
  'shh',
  'HTTP',
  'dns',
  '6000-6010',
  '8080',
  '443',
  'remote desktop',
  'database',
];

/** A different spelling of a name, as a search box sees it: a prefix, a typo, the name itself. */
function searchFor(name: string, i: number): string {
  switch (i % 3) {
    case 0:
      return name.slice(0, Math.max(3, Math.ceil(name.length / 2)));
    case 1:
      return name.length > 4 ? `${name.slice(0, 2)}${name.slice(3)}` : name.toUpperCase();
    default:
      return name;
  }
}

const DAY_MS = 86_400_000;
/** Prime, so the days asked about spread over the whole span before any repeats. */
const DAY_STEP = 397;

export function trafficOf(inputs: TrafficInputs): Traffic[] {
  const names = inputs.serviceNames;
  const first = Date.parse(`${inputs.firstDay}T00:00:00Z`);
  const days = Math.max(
    1,
    Math.round((Date.parse(`${inputs.lastDay}T00:00:00Z`) - first) / DAY_MS),
  );
  const day = (i: number) =>
    new Date(first + ((i * DAY_STEP) % days) * DAY_MS).toISOString().slice(0, 10);
  const name = (i: number) => names[(i * 7_919) % names.length] as string;
  return [
    {
      name: 'port lookups (every port in turn)',
      query: `query Port($number: Int!) { port(number: $number) { ${PORT_FIELDS} } }`,
      variables: (i) => ({ number: portNumber(i) }),
    },
    {
      name: 'service lookups',
      query: `query Service($name: String!) { service(name: $name) { name ports { low high }
        formerNames { name } laterNames { name }
        assignments { nodes { protocol portRange { low high } description status } } } }`,
      variables: (i) => ({ name: name(i) }),
    },
    {
      name: 'searches',
      query: `query Search($query: String!) { search(query: $query, first: 10) {
        nodes { score reason port { number } portRange { low high } service { name } } } }`,
      variables: (i) => ({
        query:
          i % 4 === 3
            ? (TYPED_SEARCHES[(i >> 2) % TYPED_SEARCHES.length] as string)
            : searchFor(name(i), i >> 2),
      }),
    },
    {
      name: 'time-travel lookups (port on a past day)',
      query: `query PortAt($number: Int!, $at: Date!) { port(number: $number, at: $at) { ${PORT_FIELDS} } }`,
      variables: (i) => ({ number: portNumber(i), at: day(i) }),
    },
    {
      name: 'port histories',
      query: `query History($number: Int!) { port(number: $number) { number
        history(first: 20) { totalCount nodes { kind occurred serviceName protocol
          portRange { low high } source { title published } } } } }`,
      variables: (i) => ({ number: portNumber(i) }),
    },
  ];
}

/** The request bodies of one kind, in turn, from the `start`-th. */
export function bodiesOf(traffic: Traffic, start = 0): () => string {
  let i = start;
  return () => JSON.stringify({ query: traffic.query, variables: traffic.variables(i++) });
}

/** Relative frequencies of the kinds in the load test's mix, in `trafficOf`'s order. */
export const MIX_WEIGHTS = [40, 15, 20, 10, 15];

/** Bodies of every kind interleaved by `MIX_WEIGHTS` (a fixed round, each kind stepping on). */
export function mixedBodies(traffic: readonly Traffic[], start = 0): () => string {
  const round = traffic.flatMap((kind, k) => Array<Traffic>(MIX_WEIGHTS[k] ?? 1).fill(kind));
  const next = traffic.map((kind) => bodiesOf(kind, start));
  let turn = 0;
  return () => {
    const kind = round[(turn++ * 37) % round.length] as Traffic;
    return (next[traffic.indexOf(kind)] as () => string)();
  };
}
