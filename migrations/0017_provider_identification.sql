-- What a provider's documents (the client's monthly statement) identify it by: the company
-- number (IČO) and the registered address. Nullable: a provider may not have entered them yet.
ALTER TABLE providers ADD COLUMN ico TEXT;
ALTER TABLE providers ADD COLUMN address TEXT;
