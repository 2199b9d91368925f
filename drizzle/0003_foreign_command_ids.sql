-- A command id reused on another stream is the caller's mistake (or an attack), not a database
-- fault: answer 'foreign' so the pipeline can refuse it like any other bad input. An append also
-- answers where its events landed (global positions, transaction), so callers have them whole.
DROP FUNCTION seatwise_append(text, text, integer, uuid, jsonb);
--> statement-breakpoint
CREATE FUNCTION seatwise_append(
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
    INSERT INTO streams AS s (stream_id, stream_type, version) VALUES (p_stream_id, p_stream_type, n)
    ON CONFLICT (stream_id) DO UPDATE SET version = s.version + n
    RETURNING s.version - n INTO v_from;
  ELSIF p_expected = 0 THEN
    INSERT INTO streams (stream_id, stream_type, version) VALUES (p_stream_id, p_stream_type, n)
    ON CONFLICT DO NOTHING
    RETURNING 0 INTO v_from;
  ELSE
    UPDATE streams s SET version = s.version + n
    WHERE s.stream_id = p_stream_id AND s.version = p_expected
    RETURNING p_expected INTO v_from;
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
