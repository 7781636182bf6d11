-- Hibernate draws ids of these tables 50 at a time (a pooled sequence) so that their inserts can be batched.
ALTER SEQUENCE rule_result_id_seq INCREMENT BY 50;
ALTER SEQUENCE case_action_id_seq INCREMENT BY 50;
