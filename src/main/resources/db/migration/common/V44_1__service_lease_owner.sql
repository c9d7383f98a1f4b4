-- Which job holds a service's lease (its task instance id): a run revived after a crash
-- takes its own lease back instead of waiting for it to run out.
ALTER TABLE services ADD COLUMN claimed_by VARCHAR(120);
