-- Sessions are checked against the account on every request: the stamp changes at sign-out, disable and reset, which
-- ends every live session of the account at once. Existing rows get an empty stamp, which no new session carries.
ALTER TABLE accounts ADD COLUMN security_stamp text NOT NULL DEFAULT '';

-- Lock-out now binds an (account, client address) pair in the portal's memory, so a stranger cannot lock an officer out;
-- the account-wide counter and lock are gone.
ALTER TABLE accounts DROP COLUMN failed_attempts;
ALTER TABLE accounts DROP COLUMN locked_until;
