// Internal: the key of a (task, unit) pair in maps, shared by the completeness and progress rollups.
export const pairKey = (taskId: string, unitId: string): string => `${taskId}\u0000${unitId}`
