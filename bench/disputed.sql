-- The disputed set of design.md over the imported sheet (table `sheet`, all
-- text, side precomputed): each actor's current statements on a claim are
-- those that no later dated statement of its own certainly follows; a claim
-- is disputed when a current "for" side and a different current "against"
-- side exist. Partial dates span their year or month.
WITH s AS (
  SELECT claim, by, side,
    CASE WHEN stance IN ('asserts', 'corroborates', 'confirms') THEN 'for'
         WHEN stance IN ('denies', 'dismisses', 'disputes', 'partially-admits') THEN 'against'
         ELSE 'other' END AS counts_as,
    CASE WHEN date = '' THEN NULL
         WHEN length(date) = 4 THEN julianday(date || '-01-01')
         WHEN length(date) = 7 THEN julianday(date || '-01')
         ELSE julianday(date) END AS first_day,
    CASE WHEN date = '' THEN NULL
         WHEN length(date) = 4 THEN julianday(date || '-12-31')
         WHEN length(date) = 7 THEN julianday(date || '-01', '+1 month', '-1 day')
         ELSE julianday(date) END AS last_day
  FROM sheet),
latest AS (SELECT claim, by, max(first_day) AS start FROM s WHERE first_day IS NOT NULL GROUP BY claim, by),
current AS (
  SELECT s.claim, s.side, s.counts_as FROM s LEFT JOIN latest l ON l.claim = s.claim AND l.by = s.by
  WHERE s.first_day IS NULL OR NOT (l.start > s.last_day)),
f AS (SELECT DISTINCT claim, side FROM current WHERE counts_as = 'for'),
a AS (SELECT DISTINCT claim, side FROM current WHERE counts_as = 'against')
SELECT DISTINCT f.claim FROM f JOIN a ON a.claim = f.claim AND a.side <> f.side ORDER BY 1;
