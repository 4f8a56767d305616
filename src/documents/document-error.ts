// The one error a document builder throws, with a code the app and the server map to their messages.

export type DocumentErrorCode =
  /** The definition is not the 認定調査票 this builder prints, or it does not compile. */
  | 'E_DOCUMENT_FORM'
  /** The font bytes are missing or not a font fontkit can read. */
  | 'E_DOCUMENT_FONT';

export class DocumentError extends Error {
  override readonly name = 'DocumentError';

  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
