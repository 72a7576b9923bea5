// Reads a written .csv back, for tests (here and in the apps), through `@papi/documents/testing`.
import { readCsvRows } from '../internal/csv'

/**
 * A CSV file's rows (UTF-8, byte-order mark dropped, RFC 4180 quoting).
 *
 * @example
 * readCsv(await writeTaskTableCsv(model))[0] // ['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện']
 */
export function readCsv(bytes: Uint8Array): string[][] {
  return readCsvRows(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), { delimiter: ',' })
}
