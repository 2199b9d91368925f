-- Coalesced appends: the appends of commands of their own that meet on their way to the database
-- travel as one statement and commit once. Each keeps everything seatwise_append gives it alone:
-- its expected version, its command id, its own outcome (one failing does not fail the others).
-- Streams are taken in id order, so two such statements never wait on each other in a cycle. A
-- stream whose row another transaction holds is not waited for: its request comes back 'busy'
-- and the caller appends it alone, so one slow transaction does not hold up the whole group.
-- What cannot be checked ahead (a new stream or a command id another transaction is writing
-- right now) is waited for 100 ms at most: then the statement fails, writes nothing, and the
-- caller appends each request alone. Unlike a command appended alone, the group takes its
-- transaction id at its first request, so a later request can meet a newer appender to its
-- stream ('out_of_order', drizzle/0011): the caller appends that one alone too.
CREATE FUNCTION seatwise_append_many(p_requests jsonb)
RETURNS TABLE (request integer, outcome text, from_version integer, to_version integer, global_positions bigint[], transaction_id text)
LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  PERFORM set_config('lock_timeout', '100ms', true);
  FOR r IN
    SELECT x.value, x.ord::integer AS ord FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS x(value, ord)
    ORDER BY x.value->>'streamId', x.ord
  LOOP
    IF (r.value->>'expected')::integer <> 0 THEN
      PERFORM 1 FROM streams s WHERE s.stream_id = r.value->>'streamId' FOR NO KEY UPDATE SKIP LOCKED;
      IF NOT FOUND AND EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = r.value->>'streamId') THEN
        RETURN QUERY SELECT r.ord, 'busy'::text, NULL::integer, NULL::integer, NULL::bigint[], NULL::text;
        CONTINUE;
      END IF;
    END IF;
    RETURN QUERY SELECT r.ord, a.outcome, a.from_version, a.to_version, a.global_positions, a.transaction_id
      FROM seatwise_append(r.value->>'streamId', r.value->>'streamType', (r.value->>'expected')::integer,
                           (r.value->>'commandId')::uuid, r.value->'events') a;
  END LOOP;
END;
$$;
