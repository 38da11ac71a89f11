import { SOURCE_KINDS, type SourceKind } from '@portbook/core';
import { listSources, type Source as SourceRow } from '@portbook/db';
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { checkPageArgs, countOf } from '../pagination.ts';
import { DateScalar } from './date.ts';

export const SourceKindEnum = builder.enumType('SourceKind', {
  description: 'What kind of document a source is.',
  values: Object.fromEntries(
    SOURCE_KINDS.map((kind) => [kind.toUpperCase().replaceAll('-', '_'), { value: kind }]),
  ) as Record<Uppercase<string>, { value: SourceKind }>,
});

/** An imported document: a registry file of a given date, an Assigned Numbers RFC, an npm copy. */
export const Source = builder.objectRef<SourceRow>('Source');

/** Sources change only with the registry version, so they are read once per version. */
export async function sourceById(id: number, context: Context): Promise<SourceRow> {
  const source = (await context.registry.sources()).find((s) => s.id === id);
  if (!source) throw new Error(`source ${id} is referenced but missing`);
  return source;
}

builder.node(Source, {
  description: 'A document the registry history was read from, with where its bytes came from.',
  id: { resolve: (source) => source.id, parse: Number },
  loadMany: async (ids, context) => {
    const sources = await context.registry.sources();
    return ids.map((id) => sources.find((s) => s.id === id) ?? null);
  },
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
      description: 'Every imported document, oldest first.',
      args: {
        kinds: t.arg({ type: [SourceKindEnum] }),
        inTimeline: t.arg.boolean({ description: 'Only the documents that stand in the history.' }),
      },
      resolve: async (_root, args, context) => {
        const rows = await listSources(context.db, {
          kinds: args.kinds ?? undefined,
          inTimeline: args.inTimeline ?? undefined,
        });
        return resolveArrayConnection({ args: checkPageArgs(args) }, rows);
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
