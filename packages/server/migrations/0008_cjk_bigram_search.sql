-- Custom SQL migration file, put your code below! --
-- Search of two-character Chinese, Japanese or Korean terms (张伟, 云杉): a trigram index cannot
-- serve a term shorter than three characters, so each searched column's CJK character pairs are
-- indexed too (GIN over this function); ASCII-only values give an empty array.
CREATE OR REPLACE FUNCTION gx_cjk_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT pair), '{}'::text[])
  FROM (SELECT lower(substr(value, i, 2)) AS pair FROM generate_series(1, length(value) - 1) AS i) pairs
  WHERE pair ~ '[\u2e80-\uffff]'
$$;
