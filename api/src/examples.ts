import { createHash } from 'node:crypto';

/** The example operations GraphiQL opens with; also registered as persisted operations. */
export const EXAMPLE_OPERATIONS = {
  Port: /* GraphQL */ `# A port, what it is assigned to, its class and its history.
query Port($number: Int! = 6010, $at: Date) {
  port(number: $number, at: $at) {
    number
    status
    rangeClass { name low high definedBy }
    assignments {
      nodes {
        serviceName
        protocol
        portRange { low high }
        description
        assignee { name organization }
        references { type data url }
        validFrom
      }
    }
    history(first: 20) {
      nodes { kind occurred serviceName protocol source { title published } }
    }
    previousAssigned { number }
    nextAssigned { number }
  }
}`,
  ServiceHistory: /* GraphQL */ `# A service across protocols and time, with its former and later names.
query ServiceHistory($name: String! = "whoispp") {
  service(name: $name) {
    name
    ports { low high }
    formerNames { name }
    laterNames { name }
    history(first: 50) {
      nodes { serviceName protocol portRange { low high } description validFrom validTo }
    }
  }
}`,
  FreePorts: /* GraphQL */ `# Free blocks of ports for a new service, and the free port nearest to one you like.
query FreePorts($within: PortRangeInput = { low: 8000, high: 9000 }, $near: Int! = 8080) {
  unassigned(within: $within, minLength: 4, first: 10) {
    totalCount
    nodes { low high length }
  }
  port(number: $near) { status nearestUnassigned { number } }
}`,
} as const;

export function operationHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** Persisted operations by sha256 of their text (the Apollo `persistedQuery` convention). */
export const PERSISTED_OPERATIONS: ReadonlyMap<string, string> = new Map(
  Object.values(EXAMPLE_OPERATIONS).map((document) => [operationHash(document), document]),
);
