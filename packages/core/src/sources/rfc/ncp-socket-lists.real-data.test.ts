import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeSharedData } from '../../../test/describe-shared-data.ts';
import { sharedDataFile } from '../../testing.ts';
import { parseSource } from '../detect.ts';

const parse = (rfc: number) =>
  parseSource(readFileSync(sharedDataFile(`rfc/rfc${rfc}.txt`) as string), `rfc${rfc}.txt`);
const sockets = (rfc: number) =>
  parse(rfc).records.map((r) => [r.portRange?.low, r.description, r.status]);

describeSharedData('the NCP socket lists as documents', () => {
  it('marks each as NCP socket numbers, dated by its header', () => {
    expect(parse(349)).toMatchObject({
      kind: 'rfc',
      edition: 'ncp:349',
      title: 'RFC 349: Proposed Standard Socket Numbers (NCP socket numbers)',
      published: '1972-05-30',
    });
    expect(parse(433)).toMatchObject({ edition: 'ncp:433', published: '1972-12-22' });
    expect(parse(503)).toMatchObject({ edition: 'ncp:503', published: '1973-04-13' });
  });

  it('reads RFC 349 particular assignments and nothing of its prose', () => {
    expect(sockets(349)).toEqual([
      [1, 'Telnet', 'assigned'],
      [3, 'File Transfer', 'assigned'],
      [5, 'Remote Job Entry', 'assigned'],
      [7, 'Echo', 'assigned'],
      [9, 'Discard', 'assigned'],
    ]);
  });

  it('reads RFC 433 and 503 across page breaks, not their per-host tabulations', () => {
    expect(sockets(433)).toHaveLength(11);
    expect(sockets(433)).toContainEqual([245, 'LINK', 'assigned']);
    const rfc503 = sockets(503);
    expect(rfc503).toHaveLength(21);
    expect(rfc503).toContainEqual([67, null, 'reserved']);
    expect(rfc503.at(-1)).toEqual([251, 'RSEXEC', 'assigned']);
  });

  it('cites where each function is specified', () => {
    const telnet = parse(433).records.find((r) => r.portRange?.low === 1);
    expect(telnet?.references).toEqual([{ type: 'rfc', data: 'rfc318' }]);
    const discard = parse(503).records.find((r) => r.portRange?.low === 9);
    expect(discard?.references).toEqual([{ type: 'rfc', data: 'rfc348' }]);
  });
});
