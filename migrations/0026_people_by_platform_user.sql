-- A direct message to the bot carries no server: the workspaces its author belongs to are found
-- by their platform id.
CREATE INDEX people_by_platform_user ON people (platform, platform_user_id);
