// The one upsert both dialects run for the login limiter: add an attempt to a key's fixed window (or start a new window) and return the count, atomically.
//
// @key key, @at now (ISO), @cutoff cutoff (ISO; a window that started at or before it is over). SET expressions read the
// row's OLD values in both SQLite and PostgreSQL, so count and window_start are decided from the same old window.
export const BUMP_LOGIN_ATTEMPTS = `INSERT INTO login_attempts (key, window_start, count) VALUES (@key, @at, 1)
ON CONFLICT (key) DO UPDATE SET
  count = CASE WHEN login_attempts.window_start <= @cutoff THEN 1 ELSE login_attempts.count + 1 END,
  window_start = CASE WHEN login_attempts.window_start <= @cutoff THEN excluded.window_start ELSE login_attempts.window_start END
RETURNING count, window_start`;
