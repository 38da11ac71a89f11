import type { SoftwareCitation } from '@portbook/core';
import { builder } from '../builder.ts';

export const Citation = builder.objectRef<SoftwareCitation>('Citation').implement({
  description: 'The page a curated claim was read on (the vendor, a standard, its history).',
  fields: (t) => ({
    url: t.exposeString('url'),
    title: t.exposeString('title', { description: 'The page title as shown.' }),
  }),
});
