"use client";
import { Notice } from "@/components/ui/notice";
import { Spinner } from "@/components/ui/spinner";
import { useUsers } from "@/lib/queries/use-users";
import { DataTable } from "./data-table";
import { NewUserForm } from "./new-user-form";
import { SettingsPanel } from "./settings-panel";
import { UserRow } from "./user-row";

/** `me`: the signed-in admin's username, whose own row cannot lock them out. */
export function UsersPanel({ me }: { me: string | null }) {
  const { data, error, isPending } = useUsers();
  return (
    <SettingsPanel
      title="Users"
      description="People who sign in. Viewers see the fleet; operators also act on containers and incidents; admins also manage users and tokens."
    >
      <NewUserForm />
      {isPending ? (
        <Spinner label="Loading users…" />
      ) : error ? (
        <Notice tone="error" title="Cannot load users">
          {error.message}
        </Notice>
      ) : (
        <DataTable label="Users" columns={["User", "Role", "Created", "Status", "Actions"]}>
          {data.users.map((user) => (
            <UserRow key={user.id} user={user} self={user.username === me} />
          ))}
        </DataTable>
      )}
    </SettingsPanel>
  );
}
