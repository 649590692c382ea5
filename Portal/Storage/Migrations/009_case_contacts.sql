-- Contacts of cases that have no worklist row to carry them: a case carried over under continued management (지속관리)
-- or made from a report from the public (신고). Dispatch reads them from the quarter's identity vault (registered address
-- and phone of a resident of the case's 시군구) when it puts the case on the municipality's register; the portal shows
-- them on the case page and the visit sheet as a worklist row's. One row per case, replaced when read again.
CREATE TABLE case_contacts (
    case_id  text PRIMARY KEY REFERENCES cases (case_id),
    address  text NOT NULL,
    phone    text NOT NULL
);
