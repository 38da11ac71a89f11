/**
 * The traffic the load test sends: what people and programs ask a port reference, in
 * proportion. Each operation draws its variables from a seeded generator, so a run sends
 * thousands of distinct requests (most miss the response cache) and two runs send the same.
 */
export interface Operation {
  name: string;
  /** Relative frequency in the mix. */
  weight: number;
  query: string;
  variables(random: () => number): Record<string, unknown>;
}

const POPULAR_PORTS = [
  20, 21, 22, 23, 25, 53, 67, 80, 110, 123, 143, 161, 389, 443, 445, 514, 587, 636, 993, 995, 1433,
  1521, 1883, 2049, 3306, 3389, 5060, 5353, 5432, 5672, 6010, 6379, 8080, 8443, 9092, 27017,
];
const SERVICES = [
  'ssh',
  'http',
  'https',
  'domain',
  'smtp',
  'ntp',
  'x11',
  'postgresql',
  'mysql',
  'ldap',
  'kerberos',
  'imap',
  'pop3',
  'telnet',
  'ftp',
  'snmp',
  'sip',
  'mqtt',
  'amqp',
  'redis',
];
const SEARCHES = [
  'ssh',
  'HTTP',
  'kerberos admin',
  'secure shell',
  '443',
  '6000-6010',
  'postgress',
  'shh',
  'mail transfer',
  'time protocol',
  'x11',
  'dns',
  'printer',
  'game',
  'video',
  '8080',
];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'DCCP'];

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T;
/** Half the lookups go to well-known ports, half anywhere in 0-65535. */
const anyPort = (random: () => number) =>
  random() < 0.5 ? pick(random, POPULAR_PORTS) : Math.floor(random() * 65_536);

export const OPERATIONS: Operation[] = [
  {
    name: 'port lookup',
    weight: 40,
    query: `query Port($number: Int!) { port(number: $number) { number status
      rangeClass { name low high }
      assignments { nodes { serviceName protocol portRange { low high } description status } }
      previousAssigned { number } nextAssigned { number } } }`,
    variables: (random) => ({ number: anyPort(random) }),
  },
  {
    name: 'search',
    weight: 20,
    query: `query Search($query: String!) { search(query: $query, first: 10) {
      nodes { score reason port { number } service { name } } } }`,
    variables: (random) => ({ query: pick(random, SEARCHES) }),
  },
  {
    name: 'ports connection',
    weight: 15,
    query: `query Ports($within: PortRangeInput!, $protocols: [Protocol!]) {
      ports(first: 20, filter: { within: $within, protocols: $protocols }) {
        totalCount pageInfo { hasNextPage endCursor } nodes { number status } } }`,
    variables: (random) => {
      const low = Math.floor(random() * 60_000);
      return { within: { low, high: low + 5_000 }, protocols: [pick(random, PROTOCOLS)] };
    },
  },
  {
    name: 'port history',
    weight: 15,
    query: `query History($number: Int!) { port(number: $number) { history(first: 20) {
      nodes { kind occurred serviceName protocol source { title published } } } } }`,
    variables: (random) => ({ number: anyPort(random) }),
  },
  {
    name: 'service history',
    weight: 10,
    query: `query Service($name: String!) { service(name: $name) { name ports { low high }
      formerNames { name } history(first: 20) { nodes { serviceName protocol validFrom validTo } } } }`,
    variables: (random) => ({ name: pick(random, SERVICES) }),
  },
];

/** A small seeded generator (mulberry32): the same seed, the same sequence of requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The next request body of the mix, operations chosen by weight. */
export function mixedBodies(seed: number): () => string {
  const random = seededRandom(seed);
  const total = OPERATIONS.reduce((sum, operation) => sum + operation.weight, 0);
  return () => {
    let roll = random() * total;
    let operation = OPERATIONS[0] as Operation;
    for (const candidate of OPERATIONS) {
      operation = candidate;
      roll -= candidate.weight;
      if (roll < 0) break;
    }
    return JSON.stringify({ query: operation.query, variables: operation.variables(random) });
  };
}
