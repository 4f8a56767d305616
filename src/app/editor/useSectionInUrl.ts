// Keeps the editor's shown section in the URL (?section=), so a reload, or coming back through the history, reopens the record where the user was.
import { useEffect } from 'react';
import { replaceRoute, useRouteStore } from '../state/routeStore.ts';
import { useEditorStore } from '../state/editorStore.ts';

export function useSectionInUrl(recordId: string, firstSection: string | undefined): void {
  const active = useEditorStore((s) => s.activeSection);
  useEffect(() => {
    const route = useRouteStore.getState().route;
    if (!active || route.name !== 'editor' || route.recordId !== recordId || route.section === active) return;
    // A record opened at its first section keeps its plain URL until the user moves on.
    if (route.section === undefined && active === firstSection) return;
    replaceRoute({ name: 'editor', recordId, section: active });
  }, [active, recordId, firstSection]);
}
