"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/field-class";
import { TextField } from "@/components/ui/text-field";
import type { NewChannel } from "@/lib/alerts/schemas";
import { channelKinds, type ChannelKind } from "@/lib/alerts/types";
import { useCreateChannel } from "@/lib/queries/use-create-channel";
import { ChannelRulesFields, defaultRules, toRules } from "./channel-rules-fields";
import { ChannelSettingsFields, emptySettings, toSettings } from "./channel-settings-fields";

export function NewChannelForm() {
  const create = useCreateChannel();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<ChannelKind>("webhook");
  const [settings, setSettings] = useState(emptySettings);
  const [rules, setRules] = useState(defaultRules);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const channel = { name: name.trim(), kind, settings: toSettings(kind, settings), rules: toRules(rules) };
    create.mutate(channel as NewChannel, {
      onSuccess: () => {
        // The secrets leave the page with the form: they are never read back.
        setName("");
        setSettings(emptySettings);
        setRules(defaultRules);
      },
    });
  };

  return (
    <form onSubmit={submit} aria-label="Add an alert channel" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Channel name"
          required
          maxLength={64}
          placeholder="ops-webhook"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300">
          Kind
          <select
            className={fieldClass}
            value={kind}
            onChange={(e) => setKind(e.target.value as ChannelKind)}
          >
            {channelKinds.map((k) => (
              <option key={k} value={k}>
                {k === "slack" ? "slack / mattermost" : k}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ChannelSettingsFields kind={kind} value={settings} onChange={setSettings} />
      <ChannelRulesFields value={rules} onChange={setRules} />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Add channel
      </Button>
      {create.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
