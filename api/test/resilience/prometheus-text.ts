/** Samples of a Prometheus text exposition, keyed `name{labels}` exactly as exposed. */
export type Samples = Map<string, number>;

export function parseSamples(text: string): Samples {
  const samples: Samples = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const split = line.lastIndexOf(' ');
    samples.set(line.slice(0, split), Number(line.slice(split + 1)));
  }
  return samples;
}

/** A sample's value, 0 when the series does not exist yet. */
export function sample(
  samples: Samples,
  name: string,
  labels: Record<string, string> = {},
): number {
  const entries = Object.entries(labels);
  for (const [key, value] of samples) {
    if (!key.startsWith(`${name}{`) && key !== name) continue;
    if (entries.every(([label, wanted]) => key.includes(`${label}="${wanted}"`))) return value;
  }
  return 0;
}
