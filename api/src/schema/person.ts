import type { PersonRecordRow } from '@portbook/core';
import { builder } from '../builder.ts';
import { PartialDateScalar } from './partial-date.ts';

/** A person or team from IANA's people registry, as assignee or contact of records. */
export const Person = builder.objectRef<PersonRecordRow>('Person');

builder.node(Person, {
  description: "Someone in IANA's people registry (or a team such as the IESG).",
  id: { resolve: (person) => person.id },
  loadMany: (ids, context) => ids.map((id) => context.snapshot.person(id) ?? null),
  fields: (t) => ({
    personId: t.exposeString('id', { description: "The registry's own id, e.g. `Jon_Postel`." }),
    name: t.exposeString('name', { nullable: true }),
    organization: t.exposeString('org', { nullable: true }),
    uri: t.exposeString('uri', { nullable: true, description: 'Usually a `mailto:` address.' }),
    updated: t.expose('updated', { type: PartialDateScalar, nullable: true }),
  }),
});
