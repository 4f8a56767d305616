// The demo accounts made on first start in demo mode only: one per role, all with the documented demo password (README "Demo accounts").
import { PUBLISHED_DEMO_PASSWORD } from '../../../src/protocol/password-policy.ts';
import type { Role } from '../storage/sync-store.ts';

export const DEMO_PASSWORD = PUBLISHED_DEMO_PASSWORD;

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'assessor', role: 'care_assessor', displayName: '認定 花子（デモ）' },
  { username: 'ambulance', role: 'ambulance_crew', displayName: '救急 一郎（デモ）' },
  { username: 'hospital', role: 'hospital', displayName: 'みどり病院 受付（デモ）' },
  { username: 'surveyor', role: 'disaster_surveyor', displayName: '調査 太郎（デモ）' },
  { username: 'vacant', role: 'vacant_house_surveyor', displayName: '空家 次郎（デモ）' },
  { username: 'gis', role: 'gis_staff', displayName: '地図 三郎（デモ）' },
  { username: 'supervisor', role: 'supervisor', displayName: '監督 桜（デモ）' },
  { username: 'admin', role: 'admin', displayName: '管理者（デモ）' },
];
