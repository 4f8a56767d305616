// The sync client's coded errors, each with a plain-words message in Japanese and English for the sync screen.

export type SyncErrorCode =
  | 'E_OFFLINE'
  | 'E_NOT_LOGGED_IN'
  | 'E_UNAUTHENTICATED'
  | 'E_DEVICE_REVOKED'
  | 'E_LOGIN_FAILED'
  | 'E_LOGIN_LIMITED'
  | 'E_LOGIN_BUSY'
  | 'E_PROTOCOL_VERSION'
  | 'E_SERVER'
  | 'E_BAD_RESPONSE'
  | 'E_REQUEST_REFUSED'
  | 'E_PASSWORD_CHANGE_REQUIRED'
  | 'E_DEVICE_OWNED'
  | 'E_UPLOAD_FAILED'
  | 'E_LOCAL_STORE';

/** Plain words for the person holding the tablet: what happened and what to do. */
export const SYNC_ERROR_TEXT: Record<SyncErrorCode, { ja: string; en: string }> = {
  E_OFFLINE: {
    ja: 'サーバーに接続できません。電波の届く場所で自動的に再送します。入力した内容は端末に保存されています。',
    en: 'Cannot reach the server. Sending resumes automatically when there is a connection; your entries are saved on this tablet.',
  },
  E_NOT_LOGGED_IN: {
    ja: '同期するにはログインしてください。入力した内容は端末に保存されています。',
    en: 'Log in to sync. Your entries are saved on this tablet.',
  },
  E_UNAUTHENTICATED: {
    ja: 'ログインの有効期限が切れました。もう一度ログインしてください。未送信の内容は消えません。',
    en: 'Your login has expired. Please log in again; nothing waiting to be sent is lost.',
  },
  E_DEVICE_REVOKED: {
    ja: 'この端末は管理者によって利用停止されました。管理者に連絡してください。未送信の内容は端末に残っています。',
    en: 'An administrator has blocked this tablet. Contact your administrator; unsent entries remain on the tablet.',
  },
  E_LOGIN_FAILED: {
    ja: 'ユーザー名またはパスワードが違います。',
    en: 'Wrong user name or password.',
  },
  E_LOGIN_LIMITED: {
    ja: 'ログインの失敗が続いたため、しばらくログインできません。時間をおいてからもう一度お試しください。',
    en: 'Too many failed logins: please wait a while before trying again.',
  },
  E_LOGIN_BUSY: {
    ja: 'サーバーが混み合っています。数秒後にもう一度ログインしてください。',
    en: 'The server is busy. Please try logging in again in a few seconds.',
  },
  E_PROTOCOL_VERSION: {
    ja: 'アプリが古いため同期できません。アプリを更新してください。',
    en: 'This app version is too old to sync. Please update the app.',
  },
  E_SERVER: {
    ja: 'サーバーで問題が発生しました。しばらくしてから自動的に再試行します。',
    en: 'The server had a problem. Sync will retry automatically in a while.',
  },
  E_BAD_RESPONSE: {
    ja: 'サーバーから予期しない応答がありました。しばらくしてから再試行します。',
    en: 'The server sent an unexpected answer. Sync will retry in a while.',
  },
  E_REQUEST_REFUSED: {
    ja: 'サーバーが要求を受け付けませんでした。管理者に連絡してください。',
    en: 'The server refused the request. Please contact your administrator.',
  },
  E_PASSWORD_CHANGE_REQUIRED: {
    ja: '管理者がパスワードをリセットしました。同期を続けるには、設定画面で新しいパスワードに変更してください。未送信の内容は端末に残っています。',
    en: 'An administrator reset your password. Change it in Settings to continue syncing; unsent entries remain on the tablet.',
  },
  E_DEVICE_OWNED: {
    ja: 'このタブレットは別の職員の端末として登録されているため、ログインできません。その職員でログインするか、管理者に端末の登録解除を依頼してください。端末に残っている未送信の内容は、登録されている職員のログインで送信されます。',
    en: 'This tablet is registered to another staff member, so you cannot log in on it. Log in as that person, or ask an administrator to release the tablet. Unsent entries on it are sent when the registered person logs in.',
  },
  E_UPLOAD_FAILED: {
    ja: '写真を送信できませんでした。次回の同期で続きから再送します。',
    en: 'Photos could not be sent. The next sync resumes where the upload stopped.',
  },
  E_LOCAL_STORE: {
    ja: '端末への保存に失敗しました。空き容量を確認してください。',
    en: 'Saving on this tablet failed. Please check the free storage.',
  },
};

export class SyncError extends Error {
  override readonly name = 'GenbaSyncError';

  constructor(
    readonly code: SyncErrorCode,
    /** Technical detail for logs and support (server code, status); the UI shows SYNC_ERROR_TEXT. */
    readonly detail: string = '',
    readonly status?: number,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}

export function syncErrorText(code: SyncErrorCode, language: 'ja' | 'en'): string {
  return SYNC_ERROR_TEXT[code][language];
}

/** Whether retrying later can help (network, server trouble) or the user must act first (log in, update). */
export function isRetryable(code: SyncErrorCode): boolean {
  return code === 'E_OFFLINE' || code === 'E_SERVER' || code === 'E_BAD_RESPONSE' || code === 'E_UPLOAD_FAILED' || code === 'E_LOCAL_STORE';
}
