"use client";
import { TextField } from "@/components/ui/text-field";
import type { ChannelKind } from "@/lib/alerts/types";

export type SettingsDraft = {
  url: string;
  secret: string;
  host: string;
  port: string;
  secure: boolean;
  user: string;
  password: string;
  from: string;
  to: string;
};

export const emptySettings: SettingsDraft = {
  url: "",
  secret: "",
  host: "",
  port: "587",
  secure: false,
  user: "",
  password: "",
  from: "",
  to: "",
};

/** What the API expects for the kind; write-only fields are typed here once and never shown again. */
export function toSettings(kind: ChannelKind, d: SettingsDraft): Record<string, unknown> {
  if (kind === "webhook") return { url: d.url.trim(), secret: d.secret };
  if (kind === "slack") return { url: d.url.trim() };
  return {
    host: d.host.trim(),
    port: Number(d.port),
    secure: d.secure,
    user: d.user.trim() || null,
    password: d.password || null,
    from: d.from.trim(),
    to: d.to
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export function ChannelSettingsFields({
  kind,
  value,
  onChange,
}: {
  kind: ChannelKind;
  value: SettingsDraft;
  onChange: (next: SettingsDraft) => void;
}) {
  const set = (field: keyof SettingsDraft) => (event: { target: { value: string } }) =>
    onChange({ ...value, [field]: event.target.value });
  if (kind !== "email") {
    return (
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label={kind === "slack" ? "Incoming-webhook URL" : "Webhook URL"}
          type="url"
          required
          autoComplete="off"
          className="w-96"
          value={value.url}
          onChange={set("url")}
        />
        {kind === "webhook" && (
          <TextField
            label="Signing secret (16+ characters)"
            type="password"
            required
            minLength={16}
            autoComplete="new-password"
            value={value.secret}
            onChange={set("secret")}
          />
        )}
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-end gap-3">
      <TextField label="SMTP host" required value={value.host} onChange={set("host")} />
      <TextField
        label="Port"
        type="number"
        min={1}
        max={65535}
        className="w-24"
        value={value.port}
        onChange={set("port")}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={value.secure}
          onChange={(e) => onChange({ ...value, secure: e.target.checked })}
        />
        TLS from the start (port 465)
      </label>
      <TextField label="User (optional)" autoComplete="off" value={value.user} onChange={set("user")} />
      <TextField
        label="Password (optional)"
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={set("password")}
      />
      <TextField label="From" type="email" required value={value.from} onChange={set("from")} />
      <TextField
        label="To (comma-separated)"
        required
        className="w-72"
        value={value.to}
        onChange={set("to")}
      />
    </div>
  );
}
