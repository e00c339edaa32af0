/**
 * Types of pdfjs-dist's minified builds, which the package ships without declarations: the same API
 * as the full build. The importer loads them because they carry no source map and are a third of the
 * size, which matters to the memory of the process that loads them (see `pdf-reader.ts`).
 */
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export * from 'pdfjs-dist/legacy/build/pdf.mjs';
}

declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
