import type { PortRange as PortRangeShape } from '@portbook/core';
import { builder } from '../builder.ts';

export const PortRange = builder.objectRef<PortRangeShape>('PortRange').implement({
  description: 'An inclusive range of port numbers; `low` equals `high` for a single port.',
  fields: (t) => ({
    low: t.exposeInt('low'),
    high: t.exposeInt('high'),
    length: t.int({ resolve: (range) => range.high - range.low + 1 }),
  }),
});

export const PortRangeInput = builder.inputType('PortRangeInput', {
  fields: (t) => ({
    low: t.int({ required: true }),
    high: t.int({ required: true }),
  }),
});
