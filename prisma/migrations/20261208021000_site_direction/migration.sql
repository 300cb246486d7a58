-- A wiki's content direction (siteinfo general `rtl`), beside its content language `lang`: wiki text is shown
-- isolated in it. Wikis linked before this read as left-to-right until their next siteinfo refresh.
ALTER TABLE "sites" ADD COLUMN "rtl" BOOLEAN NOT NULL DEFAULT false;
-- Until then, the content languages MediaWiki 1.39 writes right to left ($rtl = true in languages/messages/).
UPDATE "sites" SET "rtl" = true
WHERE lower("lang") IN ('aeb-arab', 'ar', 'arc', 'arq', 'ary', 'arz', 'azb', 'bcc', 'bgn', 'bqi', 'ckb', 'dv',
  'en-rtl', 'fa', 'glk', 'he', 'khw', 'kk-arab', 'kk-cn', 'ks-arab', 'ku-arab', 'lki', 'lrc', 'luz', 'ms-arab',
  'mzn', 'nqo', 'pnb', 'ps', 'sd', 'sdh', 'skr-arab', 'ug-arab', 'ur', 'yi');
