-- Hibernate draws ids of these tables 50 at a time (a pooled sequence) so that their inserts can be batched.
ALTER SEQUENCE timeline_entry_id_seq INCREMENT BY 50;
ALTER SEQUENCE erasure_receipt_item_id_seq INCREMENT BY 50;
