/**
 * When `error` is a unique-constraint violation, the names of the violated columns or
 * constraint (Prisma P2002, including through driver adapters); otherwise null.
 */
export function isUniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; meta?: Record<string, unknown> } | null;
  if (e?.code !== 'P2002') return null;
  const meta = e.meta ?? {};
  const target = meta.target ?? (meta.driverAdapterError as { cause?: { constraint?: unknown } } | undefined)?.cause?.constraint;
  return JSON.stringify(target ?? meta);
}
