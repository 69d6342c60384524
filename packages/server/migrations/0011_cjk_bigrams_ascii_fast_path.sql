-- Custom SQL migration file, put your code below! --
-- The same pairs as 0008, without cutting text that has no CJK character into pairs first
-- (English notes and emails were the slow part of indexing activities).
CREATE OR REPLACE FUNCTION gx_cjk_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN value !~ '[\u2e80-\uffff]' THEN '{}'::text[] ELSE (
    SELECT coalesce(array_agg(DISTINCT pair), '{}'::text[])
    FROM (SELECT lower(substr(value, i, 2)) AS pair FROM generate_series(1, length(value) - 1) AS i) pairs
    WHERE pair ~ '[\u2e80-\uffff]'
  ) END
$$;
