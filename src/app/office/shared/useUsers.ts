// Office users (for the assignee filter and display names), loaded once per visit to the office.
import { listUsers } from '../api/officeApi.ts';
import type { OfficeUser } from '../api/schemas.ts';
import { useOfficeData } from './useOfficeData.ts';

let cached: Promise<OfficeUser[]> | null = null;

function loadUsers(): Promise<OfficeUser[]> {
  cached ??= listUsers().then(
    (answer) => answer.users,
    (error: unknown) => {
      cached = null; // try again next time instead of remembering a failure
      throw error;
    },
  );
  return cached;
}

export function useUsers(): OfficeUser[] {
  return useOfficeData(loadUsers, []).data ?? [];
}

