export * from './assignment-filter.ts';
export * from './build-snapshot.ts';
export {
  type ChangeCursor,
  type ChangeFilter,
  changeSpans,
  oldestFirst,
  yearOf,
} from './change-feed.ts';
export { assignmentSpans, ianaOrder } from './current-by-port.ts';
export { Occupancy, type OccupancyState, type PortSkip, USER_PORTS } from './occupancy.ts';
export type { Spans } from './port-buckets.ts';
export * from './port-status.ts';
export type { PortView } from './port-view.ts';
export type { RegistryInfo } from './registry-info.ts';
export { RegistrySnapshot } from './registry-snapshot.ts';
export type * from './rows.ts';
export type {
  SearchableSoftware,
  SearchHit,
  SearchReason,
} from './search.ts';
export {
  fnv1a32,
  type LinkedName,
  type NameBuckets,
  ServiceIndex,
  type ServiceView,
  serviceKey,
} from './service-index.ts';
export * from './validity.ts';
