// Reading the files a command is given: bytes from disk with one-line errors, and plan documents
// through @papi/documents' importer (its PlanDocumentError becomes a CommandError, exit 1).

import { basename } from 'node:path'
import { isPlanDocumentError, readPlanDocument, toPlan, type ImportProgress, type PlanImport } from '@papi/documents'
import type { Locale, Plan, Unit } from '@papi/domain'
import { CommandError } from './command-error'

const MESSAGES = {
  vi: {
    notFound: (file: string) => `không tìm thấy tệp ${file}`,
    cannotOpen: (file: string, reason: string) => `không mở được tệp ${file}: ${reason}`,
  },
  en: {
    notFound: (file: string) => `no such file: ${file}`,
    cannotOpen: (file: string, reason: string) => `cannot open ${file}: ${reason}`,
  },
} as const

/**
 * A file's bytes, read through the command's `readFile`; a missing or unreadable file is a
 * {@link CommandError} (exit 1) that names it.
 *
 * @example
 * const data = await readInput('ke-hoach.docx', io.readFile, 'vi')
 */
export async function readInput(file: string, readFile: (path: string) => Promise<Uint8Array>, locale: Locale): Promise<Uint8Array> {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CommandError(MESSAGES[locale].notFound(file), 1)
    throw new CommandError(MESSAGES[locale].cannotOpen(file, code ?? (error as Error).message), 1)
  }
}

/**
 * A plan document read by the importer (.docx, .xlsx, .csv, .txt, told apart by the file name);
 * a document it cannot read is a {@link CommandError} (exit 1) with the importer's message.
 *
 * @example
 * const planImport = await readPlanFile('ke-hoach.txt', data, { locale: 'vi' })
 */
export async function readPlanFile(
  file: string,
  data: Uint8Array,
  options: { locale: Locale; units?: Unit[] | undefined; onProgress?: ((p: ImportProgress) => void) | undefined },
): Promise<PlanImport> {
  try {
    return await readPlanDocument(
      { fileName: basename(file), data },
      {
        locale: options.locale,
        ...(options.units ? { units: options.units } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
    )
  } catch (error) {
    if (isPlanDocumentError(error)) throw new CommandError(error.message, 1)
    throw error
  }
}

/**
 * The plan a document describes, ready to store or export; a document that lacks what a plan
 * needs (issuer, date, number) is a {@link CommandError} (exit 1).
 */
export function planOf(planImport: PlanImport, locale: Locale): Plan {
  try {
    return toPlan(planImport, { locale })
  } catch (error) {
    if (isPlanDocumentError(error)) throw new CommandError(error.message, 1)
    throw error
  }
}
