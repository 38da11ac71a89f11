import type { CommonUse, SoftwareRow } from '@portbook/core';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder, connectionCost } from '../builder.ts';
import { badUserInput } from '../errors.ts';
import { countOf, keysetConnection, pageInMemory } from '../pagination.ts';
import { checkLength } from './assignment-filter.ts';
import { Citation } from './citation.ts';
import { ProtocolEnum } from './enums.ts';
import { Port } from './port.ts';
import { PortRange } from './port-range.ts';

export const Software = builder.objectRef<SoftwareRow>('Software');

export const SoftwareUse = builder.objectRef<CommonUse>('SoftwareUse').implement({
  description:
    "A port or range a program listens on by default: common use, not IANA's registration, cited to the vendor.",
  fields: (t) => ({
    software: t.field({ type: Software, resolve: (common) => common.software }),
    portRange: t.field({
      type: PortRange,
      description: 'The port, or the range the program picks from (mosh: 60000-61000).',
      resolve: ({ use }) => ({ low: use.low, high: use.high }),
    }),
    protocols: t.field({ type: [ProtocolEnum], resolve: ({ use }) => [...use.protocols] }),
    purpose: t.string({
      description: 'What listens there, in our words.',
      resolve: ({ use }) => use.purpose,
    }),
    setting: t.string({
      nullable: true,
      description: 'How to change the port; null where the program has no setting.',
      resolve: ({ use }) => use.setting,
    }),
    citation: t.field({ type: Citation, resolve: ({ use }) => use.citation }),
  }),
});

/** A slug as given, or the slug inside a `Software` node id. */
function slugOf(id: string): string {
  try {
    const decoded = decodeGlobalID(id);
    return decoded.typename === 'Software' ? decoded.id : id;
  } catch {
    return id;
  }
}

/** Ids and names are short slugs and product names; anything longer is a mistake. */
const MAX_SOFTWARE_KEY = 100;

builder.node(Software, {
  description:
    'A widely used program with the ports it listens on by default (not registered with IANA, unless it says so).',
  id: { resolve: (software) => software.id },
  loadOne: (id, context) => context.snapshot.softwareById(id) ?? null,
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable slug, e.g. `kubernetes`.' }),
    name: t.exposeString('name'),
    category: t.exposeString('category', { description: '`ai`, `databases`, `web`, ….' }),
    homepage: t.exposeString('homepage'),
    uses: t.field({
      type: [SoftwareUse],
      description: 'Its default ports and ranges, ascending.',
      resolve: (software) => software.uses.map((use) => ({ software, use })),
    }),
    ports: t.field({
      type: [PortRange],
      description: 'The distinct ports and ranges of its uses, ascending.',
      resolve: (software) => {
        const ranges = new Map(software.uses.map((use) => [`${use.low}-${use.high}`, use]));
        return [...ranges.values()]
          .map((use) => ({ low: use.low, high: use.high }))
          .sort((a, b) => a.low - b.low || a.high - b.high);
      },
    }),
  }),
});

builder.objectField(Port, 'commonUses', (t) =>
  t.field({
    type: [SoftwareUse],
    description:
      "Software whose default port or range holds this port (6010: sshd's X11 display :10), by program: common use, not registration.",
    // A bucket lookup; its list is short (a port in a wide range shows a dozen at most).
    complexity: 2,
    resolve: (port, _args, context) => [...context.snapshot.commonUses(port.number)],
  }),
);

builder.queryField('software', (t) =>
  t.field({
    type: Software,
    nullable: true,
    description:
      'A program by `id` (its slug, `kubernetes`, or its node id) or `name` in any case (`Kubernetes`); give one.',
    args: { id: t.arg.string(), name: t.arg.string() },
    resolve: (_root, args, context) => {
      if ((args.id == null) === (args.name == null))
        throw badUserInput('give `id` or `name`, not both');
      checkLength(args.id, 'id', MAX_SOFTWARE_KEY);
      checkLength(args.name, 'name', MAX_SOFTWARE_KEY);
      const found =
        args.id != null
          ? context.snapshot.softwareById(slugOf(args.id))
          : context.snapshot.softwareByName(args.name as string);
      return found ?? null;
    },
  }),
);

builder.queryField('softwareList', (t) =>
  t.connection(
    {
      type: Software,
      description: 'Every program of the data set, by slug; `category` keeps one category.',
      complexity: connectionCost(2),
      args: { category: t.arg.string() },
      resolve: (_root, args, context) => {
        checkLength(args.category, 'category', MAX_SOFTWARE_KEY);
        const all = context.snapshot.allSoftware;
        const list = args.category ? all.filter((s) => s.category === args.category) : all;
        return keysetConnection<SoftwareRow, string>(args, {
          cursor: { kind: 'software', of: (software) => software.id, parse: (value) => value },
          load: (page) => pageInMemory(list, (software) => software.id, page),
          totalCount: () => list.length,
        });
      },
    },
    { fields: (c) => ({ totalCount: c.int({ resolve: countOf }) }) },
  ),
);
