-- Cases: every worklist entry (and, later, people a municipality finds itself or is told of) as a case with a status
-- and a timeline. Officer pages ask for one quarter and 시군구 (or one 읍면동) at a time, sorted by due date by default;
-- the indexes answer those in milliseconds at national scale (150k cases a quarter, several quarters).
CREATE TABLE cases (
    case_id           text    PRIMARY KEY CHECK (length(case_id) BETWEEN 1 AND 64),
    quarter           text    NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
    sigungu_code      text    NOT NULL CHECK (sigungu_code ~ '^[0-9]{5}$'),
    eupmyeondong_code text    NULL CHECK (eupmyeondong_code ~ '^[0-9]{8}$'),
    origin            text    NOT NULL CHECK (origin IN ('dispatch', 'own', 'report', 'continued')),
    person_key        bigint  NULL,
    variant           text    NOT NULL,
    risk_band         text    NOT NULL,
    sigungu_rank      integer NOT NULL,
    name              text    NOT NULL,
    due               date    NOT NULL,
    status            text    NOT NULL CHECK (status IN ('assigned', 'contacted', 'counselling', 'supported', 'not_eligible', 'unreachable', 'closed')),
    continued         boolean NOT NULL DEFAULT false,
    reasons           text    NOT NULL,
    members           text    NOT NULL,
    previous          text    NOT NULL
);
CREATE INDEX cases_list ON cases (quarter, sigungu_code, due, case_id);
CREATE INDEX cases_eupmyeondong ON cases (quarter, eupmyeondong_code, due, case_id);
CREATE INDEX cases_person ON cases (person_key) WHERE person_key IS NOT NULL;

-- Each case's timeline, numbered from 1; never changed once written (the audit log holds who changed what as well).
CREATE TABLE case_events (
    case_id           text        NOT NULL REFERENCES cases (case_id),
    seq               integer     NOT NULL,
    at                timestamptz NOT NULL,
    user_name         text        NOT NULL,
    kind              text        NOT NULL,
    status            text        NOT NULL,
    channel           text        NOT NULL,
    note              text        NOT NULL,
    eupmyeondong_code text        NULL,
    PRIMARY KEY (case_id, seq)
);
