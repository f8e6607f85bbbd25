CREATE TABLE visitor_salt (
    day  date  PRIMARY KEY,
    salt bytea NOT NULL
);
COMMENT ON TABLE visitor_salt IS 'The current UTC day''s salt of the click log''s visitor hashes, sealed with the home folder''s secret key (AES-GCM); an older day''s salt is deleted when the next day''s is made.';
