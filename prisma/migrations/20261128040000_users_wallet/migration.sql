-- CreateTable
CREATE TABLE "wallet_operations" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reference" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wallet_operations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "seq" BIGSERIAL NOT NULL,
    "operation_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "asset" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "wallet_balances" (
    "user_id" UUID NOT NULL,
    "asset" TEXT NOT NULL,
    "balance" BIGINT NOT NULL,

    CONSTRAINT "wallet_balances_pkey" PRIMARY KEY ("user_id","asset")
);

-- CreateIndex
CREATE UNIQUE INDEX "wallet_operations_idempotency_key_key" ON "wallet_operations"("idempotency_key");

-- CreateIndex
CREATE INDEX "wallet_operations_user_id_created_at_idx" ON "wallet_operations"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "ledger_entries_user_id_seq_idx" ON "ledger_entries"("user_id", "seq");

-- CreateIndex
CREATE INDEX "ledger_entries_operation_id_idx" ON "ledger_entries"("operation_id");

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "wallet_operations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- wallet_apply() is the only writer of balances and never takes one below zero. (A CHECK
-- constraint would say it again, but Prisma 6.19's WASM schema engine crashes introspecting one.)

-- Applies one wallet operation in a single statement (one round trip, which is what a hot account's
-- throughput depends on): the player must exist; then the operation row, then each asset's balance
-- (in asset order, so concurrent multi-asset operations cannot deadlock) and its ledger entry.
-- A debit past zero raises INSUFFICIENT_FUNDS and the whole statement rolls back. An idempotency key
-- seen before returns that operation's entries (out_replayed = true) and changes nothing; concurrent
-- operations with one key serialize on the unique index, and the loser returns the winner's entries.
CREATE FUNCTION wallet_apply(
  p_operation_id uuid, p_user_id uuid, p_key text, p_reason text, p_reference text,
  p_assets text[], p_amounts bigint[]
) RETURNS TABLE (out_operation_id uuid, out_replayed boolean, out_asset text, out_amount bigint, out_balance_after bigint,
                out_seq bigint, out_reason text, out_reference text, out_created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_existing uuid;
  v_owner uuid;
  v_balance bigint;
  i int;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p_user_id) THEN
    RAISE EXCEPTION 'UNKNOWN_USER' USING DETAIL = p_user_id::text;
  END IF;
  INSERT INTO wallet_operations (id, user_id, idempotency_key, reason, reference)
  VALUES (p_operation_id, p_user_id, p_key, p_reason, p_reference)
  ON CONFLICT (idempotency_key) DO NOTHING;
  IF NOT FOUND THEN
    SELECT o.id, o.user_id INTO v_existing, v_owner FROM wallet_operations o WHERE o.idempotency_key = p_key;
    IF v_owner <> p_user_id THEN
      RAISE EXCEPTION 'IDEMPOTENCY_KEY_REUSED' USING DETAIL = p_key;
    END IF;
    RETURN QUERY SELECT e.operation_id, true, e.asset, e.amount, e.balance_after, e.seq, o.reason, o.reference, e.created_at
      FROM ledger_entries e JOIN wallet_operations o ON o.id = e.operation_id WHERE e.operation_id = v_existing ORDER BY e.seq;
    RETURN;
  END IF;

  FOR i IN SELECT s.i FROM generate_subscripts(p_assets, 1) AS s(i) ORDER BY p_assets[s.i] LOOP
    IF p_amounts[i] < 0 THEN
      UPDATE wallet_balances b SET balance = b.balance + p_amounts[i]
      WHERE b.user_id = p_user_id AND b.asset = p_assets[i] AND b.balance + p_amounts[i] >= 0
      RETURNING b.balance INTO v_balance;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'INSUFFICIENT_FUNDS' USING DETAIL = p_assets[i];
      END IF;
    ELSE
      INSERT INTO wallet_balances AS b (user_id, asset, balance) VALUES (p_user_id, p_assets[i], p_amounts[i])
      ON CONFLICT (user_id, asset) DO UPDATE SET balance = b.balance + EXCLUDED.balance
      RETURNING b.balance INTO v_balance;
    END IF;
    INSERT INTO ledger_entries (operation_id, user_id, asset, amount, balance_after)
    VALUES (p_operation_id, p_user_id, p_assets[i], p_amounts[i], v_balance);
  END LOOP;

  RETURN QUERY SELECT e.operation_id, false, e.asset, e.amount, e.balance_after, e.seq, p_reason, p_reference, e.created_at
    FROM ledger_entries e WHERE e.operation_id = p_operation_id ORDER BY e.seq;
END
$$;
