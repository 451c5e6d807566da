-- The compliance dashboard finds cases by a variable's value (a due date in a range, an
-- outcome code), in history and at runtime; these keep those lookups indexed at 100,000 cases.
CREATE INDEX ehc_hi_var_key_name_text ON ACT_HI_VARINST (PROC_DEF_KEY_, NAME_, TEXT_);
CREATE INDEX ehc_hi_var_name_text ON ACT_HI_VARINST (NAME_, TEXT_);
CREATE INDEX ehc_hi_taskinst_def_key ON ACT_HI_TASKINST (TASK_DEF_KEY_, START_TIME_);
CREATE INDEX ehc_ru_task_def_key_due ON ACT_RU_TASK (TASK_DEF_KEY_, DUE_DATE_);
