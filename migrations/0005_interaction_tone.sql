-- The tone of an interaction as the person who logged it saw it: -1 negative, 0 neutral, 1 positive.
ALTER TABLE interactions ADD COLUMN tone INTEGER CHECK (tone IN (-1, 0, 1));
