/**
 * The RFCs that list port (socket) assignments, oldest first: the NCP-era socket lists and the
 * Assigned Numbers series up to RFC 1700, after which the registry moved online (RFC 3232).
 */
export const ASSIGNED_NUMBERS_RFCS = [
  739, 750, 755, 758, 762, 770, 776, 790, 820, 870, 900, 923, 943, 960, 990, 1010, 1060, 1340, 1700,
] as const;
