-- The audit's reason codes as structured data ([{"code": ..., "finality": ...}]) instead of "CODE:FINALITY,...".
ALTER TABLE clearing_request ADD COLUMN reason_codes jsonb NOT NULL DEFAULT '[]'::jsonb;

UPDATE clearing_request
SET reason_codes = (
    SELECT coalesce(
        jsonb_agg(
            jsonb_build_object(
                'code', split_part(r, ':', 1),
                'finality', nullif(nullif(split_part(r, ':', 2), ''), 'null'))
            ORDER BY ord),
        '[]'::jsonb)
    FROM unnest(string_to_array(reasons, ',')) WITH ORDINALITY AS t(r, ord))
WHERE reasons IS NOT NULL AND reasons <> '';

ALTER TABLE clearing_request DROP COLUMN reasons;
ALTER TABLE clearing_request RENAME COLUMN reason_codes TO reasons;
