-- Worklist entries of each quarter's dispatch: one row per person per quarter, replaced whole by each dispatch.
CREATE TABLE worklist_entries (
    quarter             text     NOT NULL,
    worklist_id         text     NOT NULL,
    person_key          bigint   NOT NULL,
    sigungu_code        char(5)  NOT NULL,
    sigungu_name        text     NOT NULL,
    variant             text     NOT NULL CHECK (variant IN ('household', 'child', 'lonely_death')),
    risk_band           text     NOT NULL CHECK (risk_band IN ('상', '중', '하')),
    sigungu_rank        integer  NOT NULL CHECK (sigungu_rank > 0),
    national_rank       integer  NOT NULL CHECK (national_rank > 0),
    score               real     NOT NULL,
    name                text     NOT NULL,
    masked_resident_no  text     NOT NULL,
    address             text     NOT NULL,
    phone               text     NOT NULL,
    reasons             text[]   NOT NULL,
    other_members       text[]   NOT NULL,
    previous_dispatches text[]   NOT NULL,
    outcome_due         date     NOT NULL,
    model_version       text     NOT NULL,
    PRIMARY KEY (quarter, worklist_id),
    UNIQUE (quarter, person_key)
);

-- Officials download their own 시군구's list: that is the hot query.
CREATE INDEX worklist_entries_by_sigungu ON worklist_entries (quarter, sigungu_code, variant, sigungu_rank);
