import { builder } from '../builder.ts';
import './date.ts';
import './partial-date.ts';
import './enums.ts';
import './person.ts';
import './source.ts';
import './port-range.ts';
import './assignment.ts';
import './change.ts';
import './range-class.ts';
import './port.ts';
import './ports.ts';
import './service.ts';
import './citation.ts';
import './software.ts';
import './software-conflict.ts';
import './browser-blocked.ts';
import './socket-statement.ts';
import './search.ts';
import './free-block.ts';
import './registry.ts';

builder.queryType({
  description: 'Every TCP/UDP/SCTP/DCCP port: today, in history, and by range.',
});

export const schema = builder.toSchema({ sortSchema: true });
