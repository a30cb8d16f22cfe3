import { Notice } from "@/components/ui/notice";

/** Nobody can sign in yet: how to create the first admin. */
export function NoUsersHint() {
  return (
    <Notice tone="warning" title="No users yet">
      <p data-testid="no-users-hint">
        Start Wharf with <code className="font-mono">WHARF_ADMIN_PASSWORD</code> set, or run{" "}
        <code className="font-mono">npm run user:add -- --username NAME --role admin</code>.
      </p>
    </Notice>
  );
}
