-- A plan's own overdue days (issue 11: per plan overrides). NULL: the billing settings. The three days
-- are set together or not at all, so a plan's rules never depend on a setting that may change under
-- them (termination after suspension, the warning before termination); the reminder days
-- ('-3,0,3,7', offsets from the due date) are optional on their own.
ALTER TABLE plans ADD COLUMN suspend_after_days INT;
ALTER TABLE plans ADD COLUMN terminate_after_days INT;
ALTER TABLE plans ADD COLUMN termination_warning_days INT;
ALTER TABLE plans ADD COLUMN reminder_days VARCHAR(100);
ALTER TABLE plans ADD CONSTRAINT plans_overdue_days CHECK (
    (suspend_after_days IS NULL AND terminate_after_days IS NULL AND termination_warning_days IS NULL)
    OR (suspend_after_days BETWEEN 0 AND 365 AND terminate_after_days BETWEEN suspend_after_days AND 730
        AND termination_warning_days BETWEEN 0 AND terminate_after_days));
