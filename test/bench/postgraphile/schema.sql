-- What PostGraphile serves: the published catalog, by the API's rule, in the schema `postgraphile`
-- (PostGraphile exposes that schema only). Applied by server.mjs at every start, over the tables
-- the API's migrations made; nothing here is part of the API's own schema.
--
-- The rule (packages/api/src/modules/product/product.query.ts): a product is public while it has
-- a certificate with status ISSUED, 3 stars or more, issued_on <= today <= expires_on, today
-- being the date in Asia/Ho_Chi_Minh. Search and relevance are the SQL search the API used before
-- its in-memory index (see test/bench/peer.ts for how the two searches differ now).
drop schema if exists postgraphile cascade;
create schema postgraphile;
-- That SQL search needs the trigram indexes the API's migrations made and, since the API no
-- longer searches in SQL, dropped (Migration20261201200000SearchIndexInMemory): the peer keeps its own.
create extension if not exists pg_trgm with schema public;
create index if not exists product_search_document_trgm on public.product
  using gin ((' ' || name_folded || ' ' || body_folded) gin_trgm_ops);
create index if not exists product_name_folded_trgm on public.product using gin (name_folded gin_trgm_ops);
analyze public.product;
-- Folds search text the way the API's searchTokens() does (diacritics off, đ → d, lower case).
-- unaccent before lower(): in a database with the C locale lower() changes ASCII letters only.
create extension if not exists unaccent with schema public;

create view postgraphile.certificate as
select c.id, c.product_id, c.number, c.decision_number, c.decision_date, c.issuing_level, c.stars, c.issued_on, c.expires_on
from public.certificate c
where c.status = 'ISSUED'
  and c.stars >= 3
  and c.issued_on <= (now() at time zone 'Asia/Ho_Chi_Minh')::date
  and c.expires_on >= (now() at time zone 'Asia/Ho_Chi_Minh')::date;
comment on view postgraphile.certificate is E'@primaryKey id\n@unique product_id\n@omit all,many';

create view postgraphile.region as
select r.id, r.code, r.name_vi as name, r.name_en, r.kind, r.level, r.parent_id, r.path
from public.region r;
comment on view postgraphile.region is E'@primaryKey id\n@unique code\n@omit all,many\n@foreignKey (parent_id) references postgraphile.region (id)';

create view postgraphile.producer as
select pr.id, pr.slug, pr.name, pr.type, pr.address, pr.phone, pr.email, pr.website, pr.region_id
from public.producer pr;
comment on view postgraphile.producer is E'@primaryKey id\n@unique slug\n@omit all,many\n@foreignKey (region_id) references postgraphile.region (id)';

-- Published products with their certificate's id and stars. The district is the region's
-- ancestor at depth 2 of its path ('/P01/P01-D02/P01-D02-C01/' → P01-D02), itself for a
-- district, as RegionDirectory.districtOf() finds it: a subquery, which PostgreSQL computes only
-- for the rows of a query that reads it (a count does not).
create view postgraphile.product as
select p.id, p.slug, p.name_vi as name, p.name_en, p.name_sort_key, p.category, p.description_vi as description,
  p.description_en, p.story_vi as story, p.story_en, p.images, p.producer_id, p.region_id,
  (select d.id from public.region r
    join public.region d on d.code = coalesce(nullif(split_part(r.path, '/', 3), ''), split_part(r.path, '/', 2))
    where r.id = p.region_id) as district_id,
  c.id as certificate_id, c.stars, c.issued_on as certified_on, p.name_folded, p.body_folded
from public.product p
join postgraphile.certificate c on c.product_id = p.id;
comment on view postgraphile.product is E'@primaryKey id\n@unique slug\n@foreignKey (producer_id) references postgraphile.producer (id)\n@foreignKey (region_id) references postgraphile.region (id)\n@foreignKey (district_id) references postgraphile.region (id)\n@foreignKey (certificate_id) references postgraphile.certificate (id)';
comment on column postgraphile.product.name_folded is '@omit';
comment on column postgraphile.product.body_folded is '@omit';

-- "Thành phố Rạch Giá": regionFullName() of the domain package, in Vietnamese.
create function postgraphile.region_full_name(r postgraphile.region) returns text
language sql stable as $$
  select case r.kind
      when 'PROVINCE' then 'Tỉnh' when 'CITY' then 'Thành phố' when 'TOWN' then 'Thị xã'
      when 'DISTRICT' then 'Huyện' when 'WARD' then 'Phường' when 'COMMUNE' then 'Xã'
      when 'TOWNSHIP' then 'Thị trấn' when 'SPECIAL_ZONE' then 'Đặc khu' end
    || ' ' || regexp_replace(btrim(r.name), '\s+', ' ', 'g')
$$;

-- Related products as ProductService.related() picks them: other published products of the same
-- category, first those of the same district (stars, then name), then the rest of the category
-- (stars, then name), at most `n`.
create function postgraphile.product_related(p postgraphile.product, n int default 4)
returns setof postgraphile.product
language sql stable as $$
  with near as (
    select o.id from postgraphile.product o join public.region r on r.id = o.region_id
    where o.category = p.category and o.id <> p.id
      and r.path like (select d.path || '%' from public.region d where d.id = p.district_id)
    order by o.stars desc, o.name_sort_key, o.id
    limit n
  ), far as (
    select o.id from postgraphile.product o
    where o.category = p.category and o.id <> p.id and o.id not in (select id from near)
    order by o.stars desc, o.name_sort_key, o.id
    limit greatest(n - (select count(*) from near), 0)
  )
  select o.* from unnest(array(select id from near) || array(select id from far)) with ordinality as t(id, i)
  join postgraphile.product o on o.id = t.id
  order by t.i
$$;
comment on function postgraphile.product_related(postgraphile.product, int) is '@simpleCollections only';

-- The search words as the API keeps them: folded, split on anything but a–z and 0–9, each once,
-- at most 8.
create function postgraphile.search_tokens(search text) returns text[]
language sql stable as $$
  select coalesce(array_agg(t order by i), '{}') from (
    select t, min(i) as i
    from unnest(regexp_split_to_array(lower(public.unaccent(coalesce(search, ''))), '[^a-z0-9]+')) with ordinality as w(t, i)
    where t <> ''
    group by t
    order by min(i)
    limit 8
  ) words
$$;
comment on function postgraphile.search_tokens(text) is '@omit';

-- SQL that keeps the products of `o` (a postgraphile.product) whose text has every word at the
-- start of a word: the API's LIKE on the folded columns, which the trigram index serves.
create function postgraphile.search_condition(tokens text[]) returns text
language sql immutable as $$
  select coalesce(string_agg(format('(%s like %L)', $q$(' ' || o.name_folded || ' ' || o.body_folded)$q$, '% ' || t || '%'), ' and '), 'true')
  from unnest(tokens) as t
$$;
comment on function postgraphile.search_condition(text[]) is '@omit';

-- Published products matching a search, most relevant first (the API's RELEVANCE order:
-- relevance, stars, name, id), or all of them by name when the search has no word.
create function postgraphile.search_products(search text) returns setof postgraphile.product
language plpgsql stable as $$
declare
  tokens text[] := postgraphile.search_tokens(search);
  name_text constant text := $q$(' ' || o.name_folded || ' ')$q$;
  body_text constant text := $q$(' ' || o.body_folded || ' ')$q$;
  relevance text := '0';
  phrase text := array_to_string(tokens, ' ');
  t text;
begin
  if cardinality(tokens) = 0 then
    return query select * from postgraphile.product o order by o.name_sort_key, o.id;
    return;
  end if;
  foreach t in array tokens loop
    relevance := relevance || format(' + (case when %s like %L then 8 when %s like %L then 4 when %s like %L then 2 else 1 end)',
      name_text, '% ' || t || ' %', name_text, '% ' || t || '%', body_text, '% ' || t || ' %');
  end loop;
  if cardinality(tokens) > 1 then
    relevance := relevance || format(' + (case when %s like %L then 6 else 0 end)', name_text, '% ' || phrase || ' %');
  end if;
  relevance := relevance || format(' + (case when o.name_folded like %L then 3 else 0 end)', phrase || '%');
  return query execute format(
    'select o.* from postgraphile.product o where %s order by (%s) desc, o.stars desc, o.name_sort_key, o.id',
    postgraphile.search_condition(tokens), relevance);
end
$$;

-- Result counts of a search, as the API's `facets` gives them: the total, per category, stars and
-- producer type, and per region one level down (provinces when more than 100 district-level
-- units have results, else those units). Only choices with results are listed.
create type postgraphile.facet_count as (dimension text, value text, label text, count int);
create function postgraphile.search_facets(search text) returns setof postgraphile.facet_count
language plpgsql stable as $$
begin
  return query execute format($q$
    with m as materialized (
      select o.category, o.stars, pr.type, r.path
      from postgraphile.product o
      join public.producer pr on pr.id = o.producer_id
      join public.region r on r.id = o.region_id
      where %s
    ), level as (
      select case when count(distinct split_part(path, '/', 3)) filter (where split_part(path, '/', 3) <> '') > 100
        then 2 else 3 end as part
      from m
    ), regions as (
      select split_part(m.path, '/', level.part) as code, count(*)::int as n from m, level group by 1
    )
    select 'total', null, null, count(*)::int from m
    union all select 'category', category, null, count(*)::int from m group by category
    union all select 'stars', stars::text, null, count(*)::int from m group by stars
    union all select 'producerType', type, null, count(*)::int from m group by type
    union all (
      select 'region', g.code, g.name_vi, x.n from regions x join public.region g on g.code = x.code
      where x.code <> '' order by x.n desc, g.name_vi, g.path
    )
  $q$, postgraphile.search_condition(postgraphile.search_tokens(search)));
end
$$;
comment on function postgraphile.search_facets(text) is '@simpleCollections only';
