// SQLite: the record's subtitle (the form's recordTitle.subtitle, e.g. the 申請番号) beside its title in the review-queue summary.
import type { Migration } from './migration.ts';

export const recordSubtitleSqlite: Migration = {
  id: '2026-12-06-record-subtitle',
  sql: `
-- Written with the title by the services (office/record-write.ts); existing rows get it from the title recompute at start-up
-- (office/recompute-titles.ts), which also rewrites search_text to hold both.
ALTER TABLE records ADD COLUMN subtitle TEXT;
`,
};
