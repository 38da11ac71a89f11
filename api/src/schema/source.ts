import { SOURCE_KINDS, type SourceKind, type SourceRow } from '@portbook/core';
import { builder, connectionCost } from '../builder.ts';
import type { Context } from '../context.ts';
import { arrayConnection, countOf } from '../pagination.ts';
import { DateScalar } from './date.ts';

export const SourceKindEnum = builder.enumType('SourceKind', {
  description: 'What kind of document a source is.',
  values: Object.fromEntries(
    SOURCE_KINDS.map((kind) => [kind.toUpperCase().replaceAll('-', '_'), { value: kind }]),
  ) as Record<Uppercase<string>, { value: SourceKind }>,
});

/** An imported document: a registry file of a given date, an Assigned Numbers RFC, an npm copy. */
export const Source = builder.objectRef<SourceRow>('Source');

/** A document every row that names it can rely on: a missing one is a broken snapshot. */
export function sourceById(id: number, context: Context): SourceRow {
  const source = context.snapshot.source(id);
  if (!source) throw new Error(`source ${id} is referenced but missing`);
  return source;
}

builder.node(Source, {
  description: 'A document the registry history was read from, with where its bytes came from.',
  id: { resolve: (source) => source.id, parse: Number },
  loadMany: (ids, context) => ids.map((id) => context.snapshot.source(id) ?? null),
  fields: (t) => ({
    kind: t.expose('kind', { type: SourceKindEnum }),
    edition: t.exposeString('edition', {
      description: 'The registry edition it states, e.g. `iana:2026-08-17` or `rfc:1700`.',
    }),
    title: t.exposeString('title'),
    published: t.expose('published', { type: DateScalar }),
    origin: t.exposeString('origin', { description: 'URL or file path the bytes came from.' }),
    sha256: t.exposeString('sha256'),
    recordCount: t.exposeInt('recordCount'),
    fields: t.exposeStringList('fields', {
      description: 'The record fields this document states; older documents state fewer.',
    }),
    inTimeline: t.exposeBoolean('inTimeline', {
      description: 'False when another document of the same edition stands for it in history.',
    }),
    importedAt: t.string({ resolve: (source) => source.importedAt.toISOString() }),
  }),
});

builder.queryField('sources', (t) =>
  t.connection(
    {
      type: Source,
      complexity: connectionCost(1),
      description: 'Every imported document, oldest first.',
      args: {
        kinds: t.arg({ type: [SourceKindEnum] }),
        inTimeline: t.arg.boolean({ description: 'Only the documents that stand in the history.' }),
      },
      resolve: (_root, args, context) => {
        const kinds = args.kinds?.length ? new Set(args.kinds) : undefined;
        const rows = context.snapshot.sources.filter(
          (source) =>
            (!kinds || kinds.has(source.kind)) &&
            (args.inTimeline == null || source.inTimeline === args.inTimeline),
        );
        return arrayConnection(args, rows);
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
