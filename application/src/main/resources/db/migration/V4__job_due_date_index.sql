-- Finding the jobs that have fallen due by their due date, rather than by reading every job:
-- a council has a timer or more per open case, and most fall due months ahead. The what-if
-- simulation runs due jobs this way; the job executor does once its due dates are always set
-- (ensure-job-due-date-not-null) and it acquires by due date.
CREATE INDEX ehc_ru_job_duedate ON ACT_RU_JOB (DUEDATE_);
