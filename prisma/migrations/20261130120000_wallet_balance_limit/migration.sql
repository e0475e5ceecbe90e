-- Balances stay within ±(2^53 − 1), the whole numbers the API's SafeInt scalar sends exactly: a
-- credit that would take a balance past 9007199254740991 raises BALANCE_LIMIT and the statement
-- rolls back (the operation changes nothing). wallet_apply is otherwise as in users_wallet.
CREATE OR REPLACE FUNCTION wallet_apply(
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
      IF v_balance > 9007199254740991 THEN
        RAISE EXCEPTION 'BALANCE_LIMIT' USING DETAIL = p_assets[i];
      END IF;
    END IF;
    INSERT INTO ledger_entries (operation_id, user_id, asset, amount, balance_after)
    VALUES (p_operation_id, p_user_id, p_assets[i], p_amounts[i], v_balance);
  END LOOP;

  RETURN QUERY SELECT e.operation_id, false, e.asset, e.amount, e.balance_after, e.seq, p_reason, p_reference, e.created_at
    FROM ledger_entries e WHERE e.operation_id = p_operation_id ORDER BY e.seq;
END
$$;
