/** The GraphQL query a reader can send to /graphql to get what the port page shows. */
export function portQuery(port: number): string {
  return `{
  port(number: ${port}) {
    number status rangeClass { name low high }
    assignments(first: 20) { nodes { serviceName protocol portRange { low high } description } }
    history(first: 50) { nodes { occurred kind serviceName protocol source { title } } }
    previousAssigned { number } nextAssigned { number } nearestUnassigned { number }
  }
}`;
}
