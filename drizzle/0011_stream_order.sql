ALTER TABLE "streams" ADD COLUMN "last_transaction_id" "xid8";
--> statement-breakpoint
-- Readers take the feed in transaction id order, so within a stream that order must be the
-- stream's own. A transaction takes its id at its first write, which in a subscription batch or a
-- timer's firing may come well before it appends to a stream; if another transaction appended to
-- that stream and committed meanwhile, the later events would come first in the feed. Such an
-- append is refused: 'out_of_order' (the batch function raises a serialization failure saying so),
-- and the caller tries the whole transaction again, whose new id is newer. Retrying inside the same
-- transaction could never succeed. (A command of its own takes its id as it appends: any newer
-- appender moved the stream, so it gets a plain conflict.) An append at any version promises
-- never to conflict, and so no such order: nothing of the application appends that way.
CREATE OR REPLACE FUNCTION seatwise_append(
  p_stream_id text,
  p_stream_type text,
  p_expected integer,
  p_command_id uuid,
  p_events jsonb
) RETURNS TABLE (outcome text, from_version integer, to_version integer, global_positions bigint[], transaction_id text)
LANGUAGE plpgsql AS $$
DECLARE
  n integer := jsonb_array_length(p_events);
  v_from integer;
  v_seen processed_commands%ROWTYPE;
BEGIN
  IF p_expected = -1 THEN
    INSERT INTO streams AS s (stream_id, stream_type, version, last_transaction_id)
    VALUES (p_stream_id, p_stream_type, n, pg_current_xact_id())
    ON CONFLICT (stream_id) DO UPDATE SET version = s.version + n, last_transaction_id = greatest(s.last_transaction_id, pg_current_xact_id())
    RETURNING s.version - n INTO v_from;
  ELSIF p_expected = 0 THEN
    INSERT INTO streams (stream_id, stream_type, version, last_transaction_id) VALUES (p_stream_id, p_stream_type, n, pg_current_xact_id())
    ON CONFLICT DO NOTHING
    RETURNING 0 INTO v_from;
  ELSE
    UPDATE streams s SET version = s.version + n, last_transaction_id = pg_current_xact_id()
    WHERE s.stream_id = p_stream_id AND s.version = p_expected
      AND (s.last_transaction_id IS NULL OR s.last_transaction_id <= pg_current_xact_id())
    RETURNING p_expected INTO v_from;
  END IF;

  -- Out of order only when the stream is where the caller expected it: a stream that moved is a
  -- conflict, decided again on its new state (a command of its own that waited on the row lock).
  IF v_from IS NULL AND EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = p_stream_id AND s.version = p_expected
                                AND s.last_transaction_id > pg_current_xact_id()) THEN
    RETURN QUERY SELECT 'out_of_order'::text,
      (SELECT s.version FROM streams s WHERE s.stream_id = p_stream_id), NULL::integer, NULL::bigint[], NULL::text;
    RETURN;
  END IF;

  IF v_from IS NULL THEN
    RETURN QUERY SELECT 'conflict'::text,
      coalesce((SELECT s.version FROM streams s WHERE s.stream_id = p_stream_id), 0), NULL::integer, NULL::bigint[], NULL::text;
    RETURN;
  END IF;

  IF p_command_id IS NOT NULL THEN
    INSERT INTO processed_commands (command_id, stream_id, from_version, to_version)
    VALUES (p_command_id, p_stream_id, v_from, v_from + n)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      -- The same command committed meanwhile: undo our own uncommitted version bump (the row
      -- lock is ours, nobody saw it), and drop the row if this append had created it.
      IF v_from = 0 THEN
        DELETE FROM streams s WHERE s.stream_id = p_stream_id;
      ELSE
        UPDATE streams s SET version = s.version - n WHERE s.stream_id = p_stream_id;
      END IF;
      SELECT * INTO v_seen FROM processed_commands pc WHERE pc.command_id = p_command_id;
      IF v_seen.stream_id <> p_stream_id THEN
        RETURN QUERY SELECT 'foreign'::text, NULL::integer, NULL::integer, NULL::bigint[], NULL::text;
        RETURN;
      END IF;
      RETURN QUERY SELECT 'duplicate'::text, v_seen.from_version, v_seen.to_version, NULL::bigint[], NULL::text;
      RETURN;
    END IF;
  END IF;

  RETURN QUERY
  WITH inserted AS (
    INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
    SELECT p_stream_id, v_from + e.ord::integer, (e.value->>'eventId')::uuid, e.value->>'type',
           (e.value->>'schemaVersion')::integer, e.value->'data', e.value->'metadata'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, ord)
    RETURNING events.global_position, events.stream_position
  )
  SELECT 'appended'::text, v_from, v_from + n,
         array_agg(i.global_position ORDER BY i.stream_position), pg_current_xact_id()::text
  FROM inserted i;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seatwise_append_batch(p_streams jsonb, p_commands jsonb, p_events jsonb)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  v_expected integer;
  v_touched integer;
BEGIN
  SELECT count(*) INTO v_expected FROM jsonb_array_elements(p_streams);

  WITH input AS (
    SELECT * FROM jsonb_to_recordset(p_streams) AS x(stream_id text, stream_type text, expected integer, version integer)
  ), updated AS (
    UPDATE streams s SET version = i.version, last_transaction_id = pg_current_xact_id() FROM input i
    WHERE i.expected > 0 AND s.stream_id = i.stream_id AND s.version = i.expected
      AND (s.last_transaction_id IS NULL OR s.last_transaction_id <= pg_current_xact_id())
    RETURNING 1
  ), created AS (
    INSERT INTO streams (stream_id, stream_type, version, last_transaction_id)
    SELECT stream_id, stream_type, version, pg_current_xact_id() FROM input WHERE expected = 0
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM updated) + (SELECT count(*) FROM created) INTO v_touched;
  IF v_touched <> v_expected THEN
    IF EXISTS (SELECT 1 FROM jsonb_to_recordset(p_streams) AS i(stream_id text, expected integer) JOIN streams s USING (stream_id)
               WHERE s.version = i.expected AND s.last_transaction_id > pg_current_xact_id()) THEN
      RAISE EXCEPTION 'a newer transaction appended to a stream of the batch' USING ERRCODE = '40001';
    END IF;
    RAISE EXCEPTION 'a stream moved under the batch' USING ERRCODE = '40001';
  END IF;

  WITH recorded AS (
    INSERT INTO processed_commands (command_id, stream_id, from_version, to_version)
    SELECT command_id, stream_id, from_version, to_version
    FROM jsonb_to_recordset(p_commands) AS x(command_id uuid, stream_id text, from_version integer, to_version integer)
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) INTO v_touched FROM recorded;
  IF v_touched <> jsonb_array_length(p_commands) THEN
    RETURN 'duplicate';
  END IF;

  INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata)
  SELECT stream_id, stream_position, event_id, type, schema_version, data, metadata
  FROM jsonb_to_recordset(p_events)
    AS x(stream_id text, stream_position integer, event_id uuid, type text, schema_version integer, data jsonb, metadata jsonb);
  RETURN 'appended';
END;
$$;
