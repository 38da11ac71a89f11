import { PortbookError } from '@portbook/core';
import type { z } from 'zod';

/** Parses `input` with `schema`, or throws MALFORMED_SOURCE naming the file, entry and field of every problem. */
export function parseDataFile<T>(schema: z.ZodType<T>, input: unknown, file: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${file}: ${describePath(input, issue.path)}: ${issue.message}`,
  );
  throw new PortbookError('MALFORMED_SOURCE', problems.join('\n'), { location: file });
}

/** `kubernetes uses[0].citation.url` rather than `3.uses.0.citation.url`: entries named by their id. */
function describePath(input: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  const [first, ...rest] = path;
  let head = String(first);
  if (Array.isArray(input) && typeof first === 'number') {
    const id = (input[first] as { id?: unknown } | undefined)?.id;
    head = typeof id === 'string' ? `${id} (entry ${first})` : `entry ${first}`;
  }
  const tail = rest
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('');
  return head + tail;
}
