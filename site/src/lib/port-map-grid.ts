// Shared by the build and the browser's click handler, so it imports nothing.

/** The port space as a 256 × 256 grid: one row per block of 256 ports. */
export const PORT_MAP_COLUMNS = 256;

/** The port under a point of the drawing, from the point's position as fractions of its size. */
export function portAt(x: number, y: number): number {
  const clamp = (value: number) => Math.min(PORT_MAP_COLUMNS - 1, Math.max(0, Math.floor(value)));
  return clamp(y * PORT_MAP_COLUMNS) * PORT_MAP_COLUMNS + clamp(x * PORT_MAP_COLUMNS);
}
