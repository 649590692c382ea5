-- The 읍면동 officer: bound to one 읍면동 (8 digits) of their 시군구, seeing only the cases assigned to it.
ALTER TABLE accounts ADD COLUMN eupmyeondong_code text NULL CHECK (eupmyeondong_code ~ '^[0-9]{8}$');
ALTER TABLE accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('officer', 'eupmyeondong', 'analyst', 'admin'));
ALTER TABLE accounts DROP CONSTRAINT accounts_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_check CHECK (
    (role IN ('officer', 'eupmyeondong')) = (sigungu_code IS NOT NULL)
    AND (role = 'eupmyeondong') = (eupmyeondong_code IS NOT NULL)
    AND (eupmyeondong_code IS NULL OR left(eupmyeondong_code, 5) = sigungu_code));
