import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, serverEnv, serverRelaunchArgs } from './server-flags.ts';

describe('serverRelaunchArgs', () => {
  const argv = ['/usr/bin/node', '/app/bin/portbook.js', 'start', '--offline'];

  it('puts the serving flags before Node’s own and keeps the command line', () => {
    expect(serverRelaunchArgs('/usr/bin/node', ['--inspect'], argv)).toEqual([
      '/usr/bin/node',
      ...SERVER_NODE_FLAGS,
      '--inspect',
      '/app/bin/portbook.js',
      'start',
      '--offline',
    ]);
  });

  it('does not relaunch a process that has them, or whose young generation was sized by hand', () => {
    expect(serverRelaunchArgs('/usr/bin/node', [...SERVER_NODE_FLAGS], argv)).toBeUndefined();
    expect(serverRelaunchArgs('/usr/bin/node', ['--max-semi-space-size=64'], argv)).toBeUndefined();
  });
});

describe('serverEnv', () => {
  it('holds malloc to two arenas, unless the environment says otherwise', () => {
    expect(serverEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', MALLOC_ARENA_MAX: '2' });
    expect(serverEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX).toBe('8');
  });
});
