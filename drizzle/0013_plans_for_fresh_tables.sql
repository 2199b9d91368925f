-- The streams of a batch are a few rows of tables that only grow, found by key. On a new database
-- the planner has no statistics yet (autovacuum analyzes at most once a minute, and a sale rush
-- fills the tables in seconds): a plan made while a table was small (a hash join over a
-- sequential scan) stayed cached in each connection and read the whole table on every batch,
-- 2.5 to 13 ms a batch at 60,000 events and growing, until autovacuum came by. Here, a join by
-- key is always a few rows looked up by index, whatever the statistics say. A later definition of
-- seatwise_append_batch (CREATE OR REPLACE) drops these settings: it must repeat them.
ALTER FUNCTION seatwise_append_batch(jsonb, jsonb, jsonb) SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off;
--> statement-breakpoint
-- Streams in one query, each from just after the version given for it.
CREATE FUNCTION seatwise_read_streams(p_stream_ids text[], p_after integer[])
RETURNS SETOF events
LANGUAGE sql STABLE
SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
AS $$
  SELECT events.* FROM unnest(p_stream_ids, p_after) AS wanted(stream_id, after)
  JOIN events ON events.stream_id = wanted.stream_id AND events.stream_position > wanted.after
$$;
