-- ASP.NET Core data-protection keys (the key ring that signs and encrypts session and antiforgery cookies), shared by
-- every portal instance on this database, so a cookie made by one is accepted by the others. Keys are XML documents;
-- the table is as restricted as the accounts it protects.
CREATE TABLE data_protection_keys (
    id bigserial PRIMARY KEY,
    friendly_name text NOT NULL,
    xml text NOT NULL
);
