-- Reports from the public (복지위기 알림): every intake (a file an analyst imported, or one API call) with its counts and
-- refused rows, every report taken in (never a resident number: matching turned it into the case's pseudonym), whether it
-- matched one person on the roster, and the case it became or joined. Unmatched reports stay for an analyst to see.
-- API keys are kept as SHA-256 hashes of high-entropy random keys, revoked by stamping revoked_at (never deleted).
CREATE TABLE report_intakes (
    intake_id   text        PRIMARY KEY CHECK (length(intake_id) BETWEEN 1 AND 40),
    at          timestamptz NOT NULL,
    user_name   text        NOT NULL,
    channel     text        NOT NULL CHECK (channel IN ('file', 'api')),
    file_name   text        NOT NULL,
    quarter     text        NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    read        integer     NOT NULL,
    matched     integer     NOT NULL,
    unmatched   integer     NOT NULL,
    rejected    integer     NOT NULL,
    rejections  text        NOT NULL
);
CREATE INDEX report_intakes_latest ON report_intakes (at DESC);

CREATE TABLE reports (
    report_id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    intake_id         text        NOT NULL REFERENCES report_intakes (intake_id),
    line              bigint      NOT NULL,
    quarter           text        NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    reporter_kind     text        NOT NULL,
    reported_on       date        NOT NULL,
    observed          text        NOT NULL,
    name              text        NOT NULL,
    address           text        NOT NULL,
    match             text        NOT NULL CHECK (match IN ('matched', 'no-match', 'ambiguous', 'not-on-roster')),
    sigungu_code      text        NULL CHECK (sigungu_code ~ '^[0-9]{5}$'),
    eupmyeondong_code text        NULL,
    case_id           text        NULL REFERENCES cases (case_id)
);
CREATE INDEX reports_by_match ON reports (quarter, match, report_id);
CREATE INDEX reports_by_case ON reports (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE api_keys (
    name        text        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,39}$'),
    key_hash    text        NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    revoked_at  timestamptz NULL
);
