-- Own discovery (자체 발굴): a person is added as an own-discovery case at most once a quarter, even when two officers
-- add them at the same moment (the store checks first; this index settles the race).
CREATE UNIQUE INDEX cases_own_person ON cases (quarter, person_key) WHERE origin = 'own';
