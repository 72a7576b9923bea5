/**
 * A failure a command reports in one line (on stderr, prefixed `papi: `), with its exit code:
 * 1 when the input could not be read, written or saved, 2 when the command line itself is wrong.
 *
 * @example
 * throw new CommandError('không tìm thấy tệp ke-hoach.docx', 1)
 */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
    this.name = 'CommandError'
  }
}
