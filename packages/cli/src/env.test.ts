import { describe, expect, it } from 'vitest';
import { cliEnv } from './env.ts';

describe('cliEnv', () => {
  it('defaults to IANA and the RFC Editor, a 20 s timeout and port 4000', () => {
    expect(cliEnv({})).toMatchObject({
      mirror: undefined,
      offline: false,
      archive: true,
      archiveUntil: undefined,
      ianaUrl:
        'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml',
      rfcBaseUrl: 'https://www.rfc-editor.org/rfc',
      archiveUrls: [],
      fetchTimeoutMs: 20_000,
      port: 4000,
      debug: false,
    });
  });

  it('reads lists, flags and numbers, ignoring values that make no sense', () => {
    const env = cliEnv({
      PORTBOOK_ARCHIVE_URLS: 'http://a/1.xml, http://b/2.xml.gz\nhttp://c/3.txt',
      PORTBOOK_OFFLINE: '1',
      PORTBOOK_DEBUG: 'false',
      PORTBOOK_RFC_URL: 'http://rfc.test/rfc/',
      PORTBOOK_FETCH_TIMEOUT_MS: 'soon',
      PORT: '8080',
    });
    expect(env.archiveUrls).toEqual(['http://a/1.xml', 'http://b/2.xml.gz', 'http://c/3.txt']);
    expect([env.offline, env.debug]).toEqual([true, false]);
    expect(env.rfcBaseUrl).toBe('http://rfc.test/rfc');
    expect([env.fetchTimeoutMs, env.port]).toEqual([20_000, 8080]);
  });

  it('leaves the archive out only when told to, and limits it to a date', () => {
    expect(cliEnv({ PORTBOOK_ARCHIVE: '0' }).archive).toBe(false);
    expect(cliEnv({ PORTBOOK_ARCHIVE: '1' }).archive).toBe(true);
    expect(cliEnv({ PORTBOOK_ARCHIVE_UNTIL: '1977-12-31' }).archiveUntil).toBe('1977-12-31');
  });
});
