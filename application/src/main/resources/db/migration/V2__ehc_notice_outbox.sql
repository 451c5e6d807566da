-- One row per notice intended for one recipient. The notice id is derived from the case, the
-- step and the recipient, so a retried step finds the row and never sends twice.
CREATE TABLE ehc_notice (
  notice_id            VARCHAR(255) NOT NULL PRIMARY KEY,
  process_instance_id  VARCHAR(64)  NOT NULL,
  business_key         VARCHAR(255),
  notice_type          VARCHAR(100) NOT NULL,
  recipient            VARCHAR(320) NOT NULL,
  subject              VARCHAR(500) NOT NULL,
  body                 TEXT         NOT NULL,
  status               VARCHAR(20)  NOT NULL,
  attempts             INTEGER      NOT NULL DEFAULT 0,
  last_error           VARCHAR(2000),
  created_at           TIMESTAMP    NOT NULL,
  sent_at              TIMESTAMP
);

CREATE INDEX ehc_notice_process_instance ON ehc_notice (process_instance_id);
CREATE INDEX ehc_notice_status ON ehc_notice (status);
