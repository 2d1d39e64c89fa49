-- The ledger: one row per CSV data row of a run, our own record of every paid remote side effect.
-- Spring Batch's BATCH_* tables say where the job is; this says what Runpod has been asked and answered.
CREATE TABLE IF NOT EXISTS SDXL_PROMPT (
  RUN_ID VARCHAR(200) NOT NULL,
  LINE INT NOT NULL,
  PROMPT_ID VARCHAR(400) NOT NULL,
  REQUEST_JSON LONGVARCHAR NOT NULL,
  CELLS_JSON LONGVARCHAR NOT NULL,
  STATE VARCHAR(20) NOT NULL,
  JOB_ID VARCHAR(200),
  REMOTE_STATUS VARCHAR(40),
  ATTEMPTS INT DEFAULT 0 NOT NULL,
  RETRIES INT DEFAULT 0 NOT NULL,
  POSSIBLE_DUPLICATE BOOLEAN DEFAULT FALSE NOT NULL,
  SUBMITTED_AT BIGINT,
  COMPLETED_AT BIGINT,
  HARVESTED_AT BIGINT,
  DELAY_MS BIGINT,
  EXECUTION_MS BIGINT,
  WORKER_ID VARCHAR(200),
  SEED BIGINT,
  IMAGE_COUNT INT,
  IMAGES VARCHAR(4000),
  ERROR VARCHAR(4000),
  PRIMARY KEY (RUN_ID, LINE)
);
-- Every job id Runpod ever gave a row: more than one means we paid more than once for it.
CREATE TABLE IF NOT EXISTS SDXL_JOB_ID (
  RUN_ID VARCHAR(200) NOT NULL,
  LINE INT NOT NULL,
  JOB_ID VARCHAR(200) NOT NULL,
  RECEIVED_AT BIGINT NOT NULL,
  PRIMARY KEY (RUN_ID, JOB_ID)
);
-- Bucket URLs a completed job's images were returned as: valid for days, long after Runpod deletes the job
-- itself 30 minutes after completion, so a download that failed can still be made then.
CREATE TABLE IF NOT EXISTS SDXL_IMAGE_URL (
  RUN_ID VARCHAR(200) NOT NULL,
  LINE INT NOT NULL,
  N INT NOT NULL,
  URL VARCHAR(16000) NOT NULL,
  PRIMARY KEY (RUN_ID, LINE, N)
);
-- Which prompts file, endpoint and process each run belongs to: dry runs estimate from earlier runs on the same
-- endpoint. (Whether a run's process is alive is proven by the output folder's OS lock, not by this table.)
CREATE TABLE IF NOT EXISTS SDXL_RUN (
  RUN_ID VARCHAR(200) NOT NULL PRIMARY KEY,
  PROMPTS_FILE VARCHAR(4000) NOT NULL,
  PID BIGINT,
  PROCESS_STARTED_AT BIGINT,
  HOST VARCHAR(200),
  ENDPOINT VARCHAR(400),
  SIMULATED BOOLEAN DEFAULT FALSE NOT NULL,
  UPDATED_AT BIGINT
);
-- What the report needs to rebuild a run's bill later: the endpoint clock's speed (1 for Runpod; a time-compressed
-- simulator runs faster) and the price and idle timeout the run was costed with, all as the run's first process
-- recorded them. Added after the first release of SDXL_RUN, hence ALTER: an existing job repository gains the
-- columns, NULL for runs recorded before (the report then says what it assumed).
ALTER TABLE SDXL_RUN ADD COLUMN IF NOT EXISTS TIME_SCALE DOUBLE;
ALTER TABLE SDXL_RUN ADD COLUMN IF NOT EXISTS PRICE_PER_SECOND DECIMAL(20, 10);
ALTER TABLE SDXL_RUN ADD COLUMN IF NOT EXISTS PRICE_NOTE VARCHAR(400);
ALTER TABLE SDXL_RUN ADD COLUMN IF NOT EXISTS IDLE_TIMEOUT_MS BIGINT;
-- HTTP 429 answers received, summed over the processes of a run, like SDXL_API_CALLS
ALTER TABLE SDXL_RUN ADD COLUMN IF NOT EXISTS RATE_LIMITED BIGINT DEFAULT 0 NOT NULL;
-- Runpod API calls per run and operation, summed over the processes of a run (each adds its own when it reports).
CREATE TABLE IF NOT EXISTS SDXL_API_CALLS (
  RUN_ID VARCHAR(200) NOT NULL,
  OPERATION VARCHAR(40) NOT NULL,
  SENT BIGINT DEFAULT 0 NOT NULL,
  RETRIES BIGINT DEFAULT 0 NOT NULL,
  PRIMARY KEY (RUN_ID, OPERATION)
);
-- The in-flight gate, the harvester and the progress display ask for one state's rows many times a second: without
-- this index each question reads every row of the run (40 ms at 10,000 rows on a cached table).
CREATE INDEX IF NOT EXISTS SDXL_PROMPT_BY_STATE ON SDXL_PROMPT (RUN_ID, STATE);
