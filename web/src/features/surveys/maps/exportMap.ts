/**
 * A map as a file, in the browser (decision 0039): the SVG serialized with its legend and the
 * boundaries' attribution drawn in, and a PNG painted from that SVG on a canvas at twice its size.
 * Nothing leaves the browser.
 */

export interface LegendEntry {
  label: string;
  fill: string;
  /** the id of the hatch pattern (a suppressed value), drawn over the fill */
  hatch?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A standalone SVG document: the map, then its title, legend (with its title, if any) and attribution below it. */
export function mapSvgText(
  svg: SVGSVGElement,
  title: string,
  legend: LegendEntry[],
  attribution: string,
  legendTitle?: string,
): string {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 600 600').split(/\s+/).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const lineH = 18;
  const top = 28;
  const legendTop = legendTitle ? lineH : 0;
  const legendH = legendTop + legend.length * lineH + 12;
  const out = el('svg', {
    xmlns: SVG_NS,
    viewBox: `0 0 ${w} ${top + h + legendH + 24}`,
    width: w,
    height: top + h + legendH + 24,
    'font-family': 'Titillium Web, Arial, sans-serif',
  }) as SVGSVGElement;
  out.appendChild(el('rect', { width: '100%', height: '100%', fill: '#ffffff' }));
  out.appendChild(el('title', {}, title));
  out.appendChild(el('text', { x: 8, y: 20, 'font-size': 15, 'font-weight': 600, fill: '#1a1a1a' }, title));
  const map = svg.cloneNode(true) as SVGSVGElement;
  // what is only for the screen (the focus ring) stays out of the file
  map.querySelectorAll('[data-screen-only]').forEach((n) => n.remove());
  const g = el('g', { transform: `translate(0 ${top})` });
  for (const child of [...map.childNodes]) g.appendChild(child);
  out.appendChild(g);
  if (legendTitle)
    out.appendChild(
      el('text', { x: 8, y: top + h + 20, 'font-size': 12, 'font-weight': 600, fill: '#1a1a1a' }, legendTitle),
    );
  legend.forEach((entry, i) => {
    const y = top + h + 8 + legendTop + i * lineH;
    out.appendChild(el('rect', { x: 8, y, width: 14, height: 14, fill: entry.fill, stroke: '#555555' }));
    if (entry.hatch) out.appendChild(el('rect', { x: 8, y, width: 14, height: 14, fill: `url(#${entry.hatch})` }));
    out.appendChild(el('text', { x: 28, y: y + 12, 'font-size': 12, fill: '#1a1a1a' }, entry.label));
  });
  out.appendChild(el('text', { x: 8, y: top + h + legendH + 14, 'font-size': 10, fill: '#404040' }, attribution));
  return new XMLSerializer().serializeToString(out);
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(text: string, filename: string): void {
  download(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), `${filename}.svg`);
}

/** The SVG painted on a canvas (as a data: image, which the page's policy allows) and saved as PNG. */
export async function downloadPng(text: string, filename: string, scale = 2): Promise<void> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(img.naturalWidth * scale);
  canvas.height = Math.round(img.naturalHeight * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('png');
  download(blob, `${filename}.png`);
}
