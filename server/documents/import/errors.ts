/**
 * Errors the plan importer raises. They are plain `Error` subclasses so that the CLI, the HTTP layer and
 * background jobs can each map them to their own way of reporting (exit code, 4xx response, job status).
 */

/** The input is empty, binary, or does not read as a plan document. The message is in Vietnamese. */
export class UnreadableDocumentError extends Error {
  override readonly name = 'UnreadableDocumentError';

  /**
   * @param message - a Vietnamese sentence a user can act on
   * @param options - the underlying cause, when there is one
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
