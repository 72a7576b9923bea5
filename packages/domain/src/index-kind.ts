import { z } from 'zod'

/** The governance indices papi tracks. */
export const IndexKindSchema = z.enum([
  'papi', // Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh
  'par-index', // Chỉ số cải cách hành chính
  'sipas', // Chỉ số hài lòng về sự phục vụ hành chính
])
export type IndexKind = z.infer<typeof IndexKindSchema>
