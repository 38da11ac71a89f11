import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { PortbookError } from '../errors.ts';

/** gzip streams start with the magic bytes 1f 8b (RFC 1952). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The document bytes: gunzipped when the input is gzip, otherwise unchanged. */
export function decompressSource(bytes: Uint8Array, origin: string): Uint8Array {
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (cause) {
    const truncated = (cause as { code?: string }).code === 'Z_BUF_ERROR';
    throw new PortbookError(
      truncated ? 'TRUNCATED_SOURCE' : 'MALFORMED_SOURCE',
      truncated ? 'gzip stream ends early' : 'gzip stream is corrupt',
      { location: origin, cause },
    );
  }
}

/** Strict UTF-8: a registry file with invalid bytes is damaged, not to be guessed at. */
export function decodeUtf8(bytes: Uint8Array, origin: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new PortbookError('MALFORMED_SOURCE', 'document is not valid UTF-8', {
      location: origin,
      cause,
    });
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
