-- Rate-limit counters shared by every node (platform.RateCounters): one row per limiter, hashed key
-- and fixed window. Windows are epoch milliseconds so the one MERGE binds plain numbers on H2 and
-- PostgreSQL alike; rows whose window has ended are deleted by the rate-counters-cleanup job.
create table rate_counters (
    limiter      varchar(40) not null,
    counter_key  varchar(64) not null,
    window_start bigint      not null,
    window_end   bigint      not null,
    hits         integer     not null check (hits >= 0),
    primary key (limiter, counter_key, window_start)
);
create index rate_counters_end_ix on rate_counters (window_end);
