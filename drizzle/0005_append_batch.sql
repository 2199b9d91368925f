-- Group commit: a subscription batch's appends to many streams in one round trip, set-based.
-- The caller groups the appends by stream (a stream's commands in order, their events numbered
-- on from the version the batch read). Every stream must still be at that version (or not exist,
-- for 0) and no command id may have been processed before; otherwise nothing is written and the
-- caller, told which, tries the batch again command by command.
CREATE FUNCTION seatwise_append_batch(p_streams jsonb, p_commands jsonb, p_events jsonb)
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
    UPDATE streams s SET version = i.version FROM input i
    WHERE i.expected > 0 AND s.stream_id = i.stream_id AND s.version = i.expected
    RETURNING 1
  ), created AS (
    INSERT INTO streams (stream_id, stream_type, version)
    SELECT stream_id, stream_type, version FROM input WHERE expected = 0
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM updated) + (SELECT count(*) FROM created) INTO v_touched;
  IF v_touched <> v_expected THEN
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
