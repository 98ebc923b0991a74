-- How far readers may read the log in commit order: up to the oldest transaction still running
-- *in this database* (its events may yet commit with an older tx_id), or the snapshot's end.
-- Transactions of other databases on the same server are passed over: they can never write
-- here, and one idle-in-transaction session elsewhere must not hold every stream back. An
-- in-progress xid whose database cannot be told (it finished since the snapshot, it is prepared,
-- or the role may not see other sessions) counts as this database's: never too far.
CREATE FUNCTION events_read_bound() RETURNS xid8
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    (SELECT min(x)
       FROM pg_snapshot_xip(pg_current_snapshot()) AS x
      WHERE NOT EXISTS (
        SELECT 1 FROM pg_stat_activity a
         WHERE a.backend_xid IS NOT NULL
           AND a.datname IS DISTINCT FROM current_database()
           AND a.backend_xid::text::bigint = x::text::bigint % 4294967296)),
    pg_snapshot_xmax(pg_current_snapshot()))
$$;
