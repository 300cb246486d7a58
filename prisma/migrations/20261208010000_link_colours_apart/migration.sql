-- Every link used to get #3366cc: the "Link a wiki" form preselected it, so three wikis showed three blue dots.
-- Links still on that default, where a user has more than one on it, take the colour-blind-safe palette of
-- lib/links/linkColors.ts in the order they were linked, skipping colours the user's other links have. A colour
-- the user chose (anything else, or a single link on #3366cc) is theirs and stays.
WITH palette (color, position) AS (
  VALUES ('#0072b2', 1), ('#e69f00', 2), ('#009e73', 3), ('#cc79a7', 4),
         ('#d55e00', 5), ('#56b4e9', 6), ('#f0e442', 7), ('#8c8c8c', 8)
),
crowded AS (
  SELECT user_id FROM wiki_links WHERE lower(color) = '#3366cc' GROUP BY user_id HAVING count(*) > 1
),
targets AS (
  SELECT w.id, w.user_id, row_number() OVER (PARTITION BY w.user_id ORDER BY w.created_at, w.id) AS n
  FROM wiki_links w JOIN crowded c ON c.user_id = w.user_id
  WHERE lower(w.color) = '#3366cc'
),
free AS (
  SELECT c.user_id, p.color, row_number() OVER (PARTITION BY c.user_id ORDER BY p.position) AS n
  FROM crowded c CROSS JOIN palette p
  WHERE NOT EXISTS (SELECT 1 FROM wiki_links o WHERE o.user_id = c.user_id AND lower(o.color) = p.color)
)
UPDATE wiki_links w SET color = f.color
FROM targets t JOIN free f ON f.user_id = t.user_id AND f.n = t.n
WHERE w.id = t.id;
