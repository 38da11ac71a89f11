/** The parts of autocannon the load test uses beyond the API benchmark's (merged with `api-autocannon.d.ts`). */
declare module 'autocannon' {
  interface RequestSpec {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: RequestSpec) => RequestSpec;
  }
  interface Options {
    requests?: RequestSpec[];
    /** Stops once this many requests were sent, even before `duration` ends. */
    maxOverallRequests?: number;
    /** Seconds before an unanswered request counts as a timeout. */
    timeout?: number;
  }
}
