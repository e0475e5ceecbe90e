/**
 * When `error` is a unique-constraint violation, a string naming the violated columns or
 * constraint; otherwise null. Covers Prisma's P2002 (adapter-pg) and the raw driver error
 * pglite-prisma-adapter 0.6 surfaces (SQLSTATE 23505).
 */
export function isUniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; meta?: Record<string, unknown>; cause?: { code?: string; message?: string } } | null;
  if (e?.code === 'P2002') {
    const meta = e.meta ?? {};
    const adapterCause = (meta.driverAdapterError as { cause?: { constraint?: unknown } } | undefined)?.cause;
    return JSON.stringify(meta.target ?? adapterCause?.constraint ?? meta);
  }
  if (e?.cause?.code === '23505') return e.cause.message ?? 'unique';
  return null;
}
