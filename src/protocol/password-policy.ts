// The password rule the server enforces and the screens check before sending: at least 12 characters, not the username, not the published demo password.

/** Published in the README for the quick start: no real account may use it. */
export const PUBLISHED_DEMO_PASSWORD = 'genba-demo';
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'equals_username' | 'demo_password';

/** null when acceptable. Length in code points (a kanji counts one), after NFC as the hash sees it. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const text = password.normalize('NFC');
  const length = [...text].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (text.toLowerCase() === username.normalize('NFC').toLowerCase()) return 'equals_username';
  if (text === PUBLISHED_DEMO_PASSWORD) return 'demo_password';
  return null;
}
