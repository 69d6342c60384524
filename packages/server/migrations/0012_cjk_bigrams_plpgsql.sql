-- Custom SQL migration file, put your code below! --
-- The same pairs as 0008 and 0011, in order of appearance, computed in PL/pgSQL: a SQL function
-- with a subquery runs a small executor per call, twice as slow when indexing millions of rows.
-- The set of pairs is unchanged, so the indexes built on the function stay valid.
CREATE OR REPLACE FUNCTION gx_cjk_bigrams(value text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  pairs text[] := '{}';
  pair text;
  lowered text;
BEGIN
  IF value !~ '[\u2e80-\uffff]' THEN
    RETURN pairs;
  END IF;
  lowered := lower(value);
  FOR i IN 1 .. length(lowered) - 1 LOOP
    pair := substr(lowered, i, 2);
    IF pair ~ '[\u2e80-\uffff]' AND NOT pair = ANY (pairs) THEN
      pairs := pairs || pair;
    END IF;
  END LOOP;
  RETURN pairs;
END
$$;
