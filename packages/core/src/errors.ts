/** Stable codes for errors a user can cause; messages may change, codes do not. */
export const ERROR_CODES = [
  'PORT_OUT_OF_RANGE',
  'UNKNOWN_PROTOCOL',
  'MALFORMED_SOURCE',
  'TRUNCATED_SOURCE',
  'UNSUPPORTED_FORMAT',
  'SOURCE_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'SYNC_IN_PROGRESS',
  'INVALID_DATE',
  'IMPORT_FAILED',
  'SITE_BUILD_FAILED',
  'ARCHIVE_CHECKSUM_MISMATCH',
  'ARCHIVE_CORRUPT',
  'INVALID_SETTING',
  'REGISTRY_EMPTY',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class PortbookError extends Error {
  readonly code: ErrorCode;
  /** Where in the input the problem is, e.g. `line 1204` or `record 3312`. */
  readonly location: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { location?: string; cause?: unknown }) {
    super(options?.location ? `${message} (${options.location})` : message, {
      cause: options?.cause,
    });
    this.name = 'PortbookError';
    this.code = code;
    this.location = options?.location;
  }
}

export function isPortbookError(error: unknown): error is PortbookError {
  return error instanceof PortbookError;
}
