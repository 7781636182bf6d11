-- The outbox is a queue: every row is inserted, read once and deleted, so dead rows pile up between autovacuum runs
-- and each relay round reads past them. Vacuum it after every few thousand deletes, whatever the table's size.
ALTER TABLE outbox_event SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
