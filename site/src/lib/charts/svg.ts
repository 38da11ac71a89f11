/** Escapes text for SVG and HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Rounds coordinates to one decimal: enough for a screen, and keeps the markup short. */
export function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** The opening tag of a chart that screen readers announce as one image with a title. */
export function svgOpen(
  id: string,
  width: number,
  height: number,
  title: string,
  description: string,
): string {
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${escapeXml(title)}</title><desc id="${id}-d">${escapeXml(description)}</desc>`
  );
}
