-- The officer's page lists the latest uploads of one quarter and 시군구: an index so it never scans every upload.
CREATE INDEX uploads_quarter_sigungu_at ON uploads (quarter, sigungu_code, at DESC);
