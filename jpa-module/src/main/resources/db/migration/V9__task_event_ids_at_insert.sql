-- Task events take their ids from the sequence as they are inserted, several in one statement,
-- instead of one nextval round trip each before the insert.
ALTER TABLE task_event ALTER COLUMN id SET DEFAULT nextval('task_event_seq');
