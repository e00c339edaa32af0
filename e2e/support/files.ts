/** Files the specs upload, as playwright's setInputFiles takes them. */

/** The smallest file the server recognises as a PDF (it checks the %PDF signature), named `name`. */
export const smallPdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
});
