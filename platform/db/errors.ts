/**
 * When `error` is a unique-constraint violation, a string naming the violated columns or
 * constraint; otherwise null. Covers Prisma's P2002 (adapter-pg), the raw driver error
 * pglite-prisma-adapter 0.6 surfaces (SQLSTATE 23505) and `pg`'s own error (Database.transaction).
 */
export function isUniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; message?: string; meta?: Record<string, unknown>; cause?: { code?: string; message?: string } } | null;
  // A raw `pg` error (Database.transaction): the SQLSTATE itself.
  if (e?.code === '23505') return e.constraint ?? e.message ?? 'unique';
  if (e?.code === 'P2002') {
    const meta = e.meta ?? {};
    const adapterCause = (meta.driverAdapterError as { cause?: { constraint?: unknown } } | undefined)?.cause;
    return JSON.stringify(meta.target ?? adapterCause?.constraint ?? meta);
  }
  if (e?.cause?.code === '23505') return e.cause.message ?? 'unique';
  // A raw query's failure (P2010) wraps the driver's error.
  const adapterCause = (e?.meta?.driverAdapterError as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (adapterCause?.code === '23505') return adapterCause.message ?? 'unique';
  // adapter-pg's P2010 names the SQLSTATE in its meta (or only in its message).
  if (e?.code === 'P2010' && (e.meta?.code === '23505' || /Code: `23505`/.test(e.message ?? ''))) return typeof e.meta?.message === 'string' ? e.meta.message : (e.message ?? 'unique');
  return null;
}

/**
 * When `error` is an exception raised by our own SQL (`RAISE EXCEPTION '<NAME>'`) with one of
 * `names`, that name and its DETAIL; otherwise null. Both driver adapters surface it differently.
 */
export function raisedError<N extends string>(error: unknown, names: readonly N[]): { name: N; detail?: string } | null {
  type Cause = { message?: string; detail?: string };
  const e = error as { message?: string; detail?: string; cause?: Cause; meta?: { message?: string; driverAdapterError?: { cause?: Cause } } } | null;
  // A raw `pg` error carries its DETAIL itself.
  const cause = e?.cause ?? e?.meta?.driverAdapterError?.cause ?? (e?.detail ? { detail: e.detail } : undefined);
  const text = [e?.message, cause?.message, e?.meta?.message].filter(Boolean).join('\n');
  const name = names.find((n) => text.includes(n));
  return name ? { name, detail: cause?.detail } : null;
}

/**
 * True when PostgreSQL aborted the transaction for a conflict that a retry can win: a deadlock
 * (40P01) or a serialization failure (40001). Matched on the SQLSTATE wherever the adapter put it.
 */
export function isRetryableConflict(error: unknown): boolean {
  const e = error as {
    code?: string;
    message?: string;
    meta?: { code?: string; message?: string; driverAdapterError?: { cause?: { code?: string } } };
    cause?: { code?: string };
  } | null;
  const codes = [e?.code, e?.cause?.code, e?.meta?.code, e?.meta?.driverAdapterError?.cause?.code];
  if (codes.includes('40P01') || codes.includes('40001')) return true;
  const text = `${e?.message ?? ''} ${e?.meta?.message ?? ''}`;
  return /\b(40P01|40001)\b/.test(text);
}

/**
 * True when the database had no connection or transaction to give in time (the pool is saturated):
 * Prisma's P2028 ("Unable to start a transaction in the given time", or a transaction that expired
 * before its commit — rolled back either way) or pg-pool's connection timeout. Nothing was changed.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (e?.code === 'P2028') return true;
  return /timeout exceeded when trying to connect/i.test(e?.message ?? '');
}
