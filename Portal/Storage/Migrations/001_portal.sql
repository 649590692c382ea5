-- Portal accounts: passwords only as PasswordHasher V3 hashes (PBKDF2, salted); officers bound to one 시군구.
CREATE TABLE accounts (
    user_name       text        PRIMARY KEY CHECK (user_name ~ '^[a-z0-9._-]{3,64}$'),
    role            text        NOT NULL CHECK (role IN ('officer', 'analyst', 'admin')),
    sigungu_code    text        NULL CHECK (sigungu_code ~ '^[0-9]{5}$'),
    password_hash   text        NOT NULL,
    disabled        boolean     NOT NULL DEFAULT false,
    failed_attempts integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz NULL,
    CHECK ((role = 'officer') = (sigungu_code IS NOT NULL))
);

-- The audit log: who did what, when, from where. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_log (
    id           bigserial   PRIMARY KEY,
    at           timestamptz NOT NULL,
    user_name    text        NOT NULL,
    role         text        NOT NULL,
    sigungu_code text        NULL,
    action       text        NOT NULL,
    target       text        NOT NULL,
    rows         integer     NULL,
    client       text        NOT NULL,
    outcome      text        NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Outcome uploads made through the portal and their per-row verdicts, found again by an unguessable id.
CREATE TABLE uploads (
    id           text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    at           timestamptz NOT NULL,
    user_name    text        NOT NULL,
    quarter      text        NOT NULL,
    sigungu_code text        NOT NULL,
    file_name    text        NOT NULL,
    result       jsonb       NOT NULL
);
