import { serviceKey } from '@portbook/core';
import type { ServicePage } from './service-pages.ts';

/**
 * Service name (by core's `serviceKey`) → the page that answers for it: the port page when the name holds
 * one port (or one range) today, else the service page. The search page puts an exact name
 * first, as it does a port number, since a ranked full-text match cannot promise that.
 */
export function searchNames(pages: readonly ServicePage[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const page of pages) {
    const ports = new Set(
      page.current.flatMap((record) => (record.low === null ? [] : [record.low])),
    );
    const [only] = ports;
    names[serviceKey(page.name)] =
      ports.size === 1 && only !== undefined ? `/ports/${only}/` : `/services/${page.slug}/`;
  }
  return names;
}
