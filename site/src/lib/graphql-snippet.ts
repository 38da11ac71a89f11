/** The GraphQL query a reader can paste into the API to get what the port page shows. */
export function portQuery(port: number): string {
  return `{
  port(number: ${port}) {
    number
    status
    rangeClass { name low high }
    assignments(first: 20) {
      edges {
        node {
          serviceName
          protocol
          portRange { low high }
          description
          status
          registered
          modified
          references { type data url }
        }
      }
    }
  }
}`;
}
