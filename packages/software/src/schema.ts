import { z } from 'zod';
import { SOFTWARE_CATEGORIES, type SoftwareCategory } from './categories.ts';

/** Transport protocols in the order a use lists them. */
export const PROTOCOLS = ['tcp', 'udp', 'sctp', 'dccp'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

const port = z
  .int('port must be an integer')
  .min(0, 'port must be 0..65535')
  .max(65535, 'port must be 0..65535');

// Citations point at a page a person read: https only, a real host name.
const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: 'must be an https URL with a host name',
});

export const citationSchema = z.strictObject({
  url: httpsUrl,
  title: z.string().trim().min(1, 'citation title must not be empty'),
});

export const softwareUseSchema = z
  .strictObject({
    low: port,
    high: port,
    protocols: z
      .array(z.enum(PROTOCOLS))
      .min(1, 'a use needs at least one protocol')
      .refine(
        (list) =>
          list.every(
            (p, i) => i === 0 || PROTOCOLS.indexOf(list[i - 1] as Protocol) < PROTOCOLS.indexOf(p),
          ),
        {
          message: `protocols must be unique and in the order ${PROTOCOLS.join(', ')}`,
        },
      ),
    purpose: z.string().trim().min(1, 'purpose must not be empty'),
    setting: z.string().trim().min(1, 'setting must be a non-empty string or null').nullable(),
    citation: citationSchema,
  })
  .refine((use) => use.low <= use.high, {
    message: 'low must not be greater than high',
    path: ['low'],
  });

export const softwareSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be a slug: a-z, 0-9 and single hyphens'),
  name: z.string().trim().min(1, 'name must not be empty'),
  category: z.enum(SOFTWARE_CATEGORIES),
  homepage: httpsUrl,
  uses: z.array(softwareUseSchema).min(1, 'software needs at least one use'),
});

export type Citation = z.infer<typeof citationSchema>;
export type SoftwareUse = z.infer<typeof softwareUseSchema>;
export type Software = z.infer<typeof softwareSchema>;

/** The schema of one category file: every entry's category must be the file's. */
export function softwareFileSchema(category: SoftwareCategory) {
  return z.array(
    softwareSchema.refine((entry) => entry.category === category, {
      message: `category must be "${category}", the name of its file`,
      path: ['category'],
    }),
  );
}
