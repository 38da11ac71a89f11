import { createHash } from 'node:crypto';
import type { SoftwareDefaults } from '@portbook/core';
import { loadBrowserBlockedPorts } from './browser-blocked.ts';
import { loadSoftware } from './load.ts';

/**
 * The data set as a registry snapshot takes it (`buildRegistrySnapshot(rows, { software })`):
 * validated software defaults and the bad port list. Read once per process; the files do not
 * change while it runs.
 */
let defaults: SoftwareDefaults | undefined;
export function softwareDefaults(): SoftwareDefaults {
  if (!defaults) {
    const software = loadSoftware();
    const browserBlocked = loadBrowserBlockedPorts().ports;
    const version = createHash('sha256')
      .update(JSON.stringify({ software, browserBlocked }))
      .digest('hex')
      .slice(0, 16);
    defaults = { software, browserBlocked, version };
  }
  return defaults;
}
