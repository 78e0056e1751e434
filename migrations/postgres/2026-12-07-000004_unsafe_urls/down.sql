-- The cleared links are not kept anywhere: nothing to restore.
SELECT 1;
