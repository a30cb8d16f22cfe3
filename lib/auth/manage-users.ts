import "server-only";
import { authDatabase } from "@/lib/auth/auth-database";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { createUser } from "@/lib/auth/create-user";
import { listUsers } from "@/lib/auth/db/list-users";
import { deleteUser } from "@/lib/auth/delete-user";
import type { NewUser, UserPatch } from "@/lib/auth/schemas";
import type { Principal } from "@/lib/auth/types";
import { updateUser } from "@/lib/auth/update-user";

// The admin endpoints for users, each one call into lib/auth with the database and who is asking.
export const usersApi = {
  list: async () => ({ users: await listUsers(await authDatabase()) }),
  create: async (input: NewUser, by: Principal, request: Request) => ({
    user: await createUser(await authDatabase(), input, by.name, clientAddress(request)),
  }),
  update: async (id: number, patch: UserPatch, by: Principal, request: Request) => ({
    user: await updateUser(await authDatabase(), id, patch, by.name, clientAddress(request)),
  }),
  remove: async (id: number, by: Principal, request: Request) => {
    await deleteUser(await authDatabase(), id, by.name, clientAddress(request));
    return { ok: true };
  },
};
