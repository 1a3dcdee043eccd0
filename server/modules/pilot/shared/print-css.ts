/**
 * The one look of the pilot's printed documents (the PAI, the case summary, the access package),
 * rendered to tagged PDF by Chromium: A4, a plain sans-serif, definition lists and ruled tables.
 * A document adds only the rules of its own parts (signatures, notes) after it.
 */
export const PRINT_CSS = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #111; line-height: 1.4; }
  h1 { font-size: 16pt; margin: 0 0 2mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #555; }
  dl { display: grid; grid-template-columns: 52mm 1fr; gap: 1mm 4mm; margin: 0; }
  dt { font-weight: bold; }
  dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; font-size: 9pt; margin-bottom: 3mm; }
  caption { text-align: left; font-weight: bold; margin-bottom: 1mm; }
  th, td { border: 1px solid #777; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
  th { background: #e8e8e8; }
`;
