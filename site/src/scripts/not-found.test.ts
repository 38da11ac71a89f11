import { describe, expect, it } from 'vitest';
import { portInPath } from './not-found.ts';

describe('portInPath', () => {
  it('reads a port number typed in the address in the usual shapes', () => {
    expect(portInPath('/443')).toBe(443);
    expect(portInPath('/443/')).toBe(443);
    expect(portInPath('/port/22')).toBe(22);
    expect(portInPath('/ports/0')).toBe(0);
    expect(portInPath('/tcp/65535/')).toBe(65535);
  });

  it('ignores numbers that are no port and paths that name something else', () => {
    expect(portInPath('/70000')).toBeUndefined();
    expect(portInPath('/services/x11/')).toBeUndefined();
    expect(portInPath('/history/rfc-1700/')).toBeUndefined();
    expect(portInPath('/')).toBeUndefined();
  });
});
