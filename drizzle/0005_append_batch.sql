-- Group commit: a subscription batch's appends to many streams in one round trip. Each append
-- is checked as a single one is (seatwise_append: the stream row first, the expected version,
-- the command id); the caller rolls the whole batch back unless every one of them is 'appended'.
CREATE FUNCTION seatwise_append_batch(p_appends jsonb)
RETURNS TABLE (item integer, outcome text, from_version integer, to_version integer)
LANGUAGE plpgsql AS $$
DECLARE
  a record;
  r record;
BEGIN
  FOR a IN SELECT value, ord FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS x(value, ord) LOOP
    SELECT * INTO r FROM seatwise_append(
      a.value->>'streamId', a.value->>'streamType', (a.value->>'expected')::integer,
      (a.value->>'commandId')::uuid, a.value->'events');
    item := a.ord::integer;
    outcome := r.outcome;
    from_version := r.from_version;
    to_version := r.to_version;
    RETURN NEXT;
    IF r.outcome <> 'appended' THEN
      RETURN;
    END IF;
  END LOOP;
END;
$$;
