-- A person's job title as the team file gives it (`Cargo`: "Key Account Manager", "Gerente
-- Regional"), kept as a title and shown in /people: never read as their role in the bot.
ALTER TABLE people ADD COLUMN title TEXT NOT NULL DEFAULT '';
