import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type Transaction = { commit(): Promise<void> };
type Adapter = { onError(error: unknown): never; startTransactionInner(conn: PGlite, options: unknown): Promise<Transaction> };

/**
 * pglite-prisma-adapter 0.6 loses an error raised by COMMIT (a deferred constraint, say): its
 * transaction resolves before PGlite's transaction promise settles and only attaches a `catch`
 * afterwards, so `$transaction` returns normally although nothing was stored — and a unit of work
 * would then publish what never committed. This adapter keeps PGlite's own transaction promise and
 * rethrows its error from `commit()`. It patches the adapter's `startTransactionInner` (not a public
 * API): platform/db/pglite-adapter.test.ts fails if an upgrade changes that.
 */
export class PGliteWithCommitErrors extends PrismaPGlite {
  override async connect() {
    const adapter = (await super.connect()) as unknown as Adapter;
    if (typeof adapter.startTransactionInner !== 'function') throw new Error('pglite-prisma-adapter changed: startTransactionInner is gone (platform/db/pglite-adapter.ts)');
    const start = adapter.startTransactionInner.bind(adapter);
    adapter.startTransactionInner = async (conn, options) => {
      let outcome: Promise<unknown> = Promise.resolve();
      const watched = new Proxy(conn, {
        get: (target, key) => {
          if (key === 'transaction') return (fn: Parameters<PGlite['transaction']>[0]) => (outcome = target.transaction(fn));
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      const transaction = await start(watched, options);
      const commit = transaction.commit.bind(transaction);
      transaction.commit = async () => {
        await commit();
        await outcome.catch((error: unknown) => adapter.onError(error));
      };
      return transaction;
    };
    return adapter as never;
  }
}
