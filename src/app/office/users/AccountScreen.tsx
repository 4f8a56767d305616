// 自分のアカウント: every office user changes their own password here (the tablet's 設定 has the same form).
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../account/ChangePasswordForm.tsx';
import { useSession } from '../../sync.ts';

export function AccountScreen() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  return (
    <section className="screen office-screen" data-testid="office-account">
      <h2 className="screen-title">{t('office.nav.account')}</h2>
      <p>{t('office.users.signedInAs', { name: session.user.displayName, username: session.user.username })}</p>
      <ChangePasswordForm username={session.user.username} forced={session.mustChangePassword === true} />
    </section>
  );
}
