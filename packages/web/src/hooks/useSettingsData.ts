/** The workspace's channels and assistants for the settings pages, kept current after edits.
 * Nothing is fetched while `enabled` is false (pages that show neither). */
import { useCallback, useEffect, useState } from 'react';
import { type Assistant, api, type Channel } from '../api';
import { putAssistant as putInList } from '../settings/assistant-form';

interface SettingsData {
  channels: Channel[];
  assistants: Assistant[];
  /** A model is configured, so assistants' model settings apply. */
  modelSettingsAvailable: boolean;
  loading: boolean;
  error: string | null;
}

export function useSettingsData(enabled = true) {
  const [data, setData] = useState<SettingsData>({
    channels: [],
    assistants: [],
    modelSettingsAvailable: false,
    loading: true,
    error: null,
  });
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((count) => count + 1), []);

  // `loads` is a deliberate trigger: bumping it refetches.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setData((previous) => ({ ...previous, loading: true, error: null }));
    Promise.all([api.listChannels(), api.assistantList()]).then(
      ([channels, assistants]) => {
        if (!cancelled)
          setData({
            channels,
            assistants: assistants.items,
            modelSettingsAvailable: assistants.modelSettingsAvailable,
            loading: false,
            error: null,
          });
      },
      (error: Error) => {
        if (!cancelled)
          setData((previous) => ({ ...previous, loading: false, error: error.message }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [enabled, loads]);

  const putChannel = useCallback((channel: Channel) => {
    setData((previous) => {
      const known = previous.channels.some((item) => item.id === channel.id);
      return {
        ...previous,
        channels: known
          ? previous.channels.map((item) => (item.id === channel.id ? channel : item))
          : [...previous.channels, channel],
      };
    });
  }, []);

  const putAssistant = useCallback((assistant: Assistant) => {
    setData((previous) => ({
      ...previous,
      assistants: putInList(previous.assistants, assistant),
    }));
  }, []);

  /** A deleted assistant; the server deleted its unused widget channels with it. */
  const removeAssistant = useCallback((id: string) => {
    setData((previous) => ({
      ...previous,
      assistants: previous.assistants.filter((item) => item.id !== id),
      channels: previous.channels.filter((channel) => channel.assistantId !== id),
    }));
  }, []);

  return {
    ...data,
    loading: enabled && data.loading,
    error: enabled ? data.error : null,
    reload,
    putChannel,
    putAssistant,
    removeAssistant,
  };
}
