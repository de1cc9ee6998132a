/** Why an import was refused: what is wrong with the input and how to fix it. Nothing has been written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
