-- Applies several wallet operations in one statement and one commit (group commit for a hot
-- account: the commit's flush, not the work, limits one row's throughput). Each operation runs in
-- its own subtransaction, so one refused operation (INSUFFICIENT_FUNDS, ...) leaves the others
-- applied; its row carries the error name and detail instead of entries. Operations are applied in
-- array order.
CREATE FUNCTION wallet_apply_batch(p_ops jsonb)
RETURNS TABLE (out_index int, out_error text, out_detail text, out_operation_id uuid, out_replayed boolean,
               out_asset text, out_amount bigint, out_balance_after bigint, out_seq bigint,
               out_reason text, out_reference text, out_created_at timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
  v_op jsonb;
  v_index int := 0;
  r record;
BEGIN
  FOR v_op IN SELECT value FROM jsonb_array_elements(p_ops) LOOP
    BEGIN
      FOR r IN SELECT * FROM wallet_apply(
        (v_op->>'id')::uuid, (v_op->>'userId')::uuid, v_op->>'key', v_op->>'reason', v_op->>'reference',
        ARRAY(SELECT jsonb_array_elements_text(v_op->'assets')),
        ARRAY(SELECT jsonb_array_elements_text(v_op->'amounts'))::bigint[])
      LOOP
        out_index := v_index; out_error := NULL; out_detail := NULL;
        out_operation_id := r.out_operation_id; out_replayed := r.out_replayed; out_asset := r.out_asset;
        out_amount := r.out_amount; out_balance_after := r.out_balance_after; out_seq := r.out_seq;
        out_reason := r.out_reason; out_reference := r.out_reference; out_created_at := r.out_created_at;
        RETURN NEXT;
      END LOOP;
    EXCEPTION WHEN raise_exception THEN
      out_index := v_index; out_error := SQLERRM;
      GET STACKED DIAGNOSTICS out_detail = PG_EXCEPTION_DETAIL;
      out_operation_id := NULL; out_replayed := NULL; out_asset := NULL; out_amount := NULL;
      out_balance_after := NULL; out_seq := NULL; out_reason := NULL; out_reference := NULL; out_created_at := NULL;
      RETURN NEXT;
    END;
    v_index := v_index + 1;
  END LOOP;
END
$$;
