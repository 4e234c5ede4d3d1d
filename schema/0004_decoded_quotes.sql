-- 0004_decoded_quotes: a quote is the text at its span decoded to UTF-8. Databases written
-- before held the raw bytes of GB18030, Big5 and UTF-16 files there; the migration step of
-- this version (src/store/migrate.cpp) re-decodes those quotes from the stored content.
SELECT 1;
