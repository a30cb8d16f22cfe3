import "server-only";
import { clientAddress } from "@/lib/auth/authenticate-request";
import { createUser } from "@/lib/auth/create-user";
import { deleteUser } from "@/lib/auth/delete-user";
import { listUsers } from "@/lib/auth/list-users";
import type { NewUser, UserPatch } from "@/lib/auth/schemas";
import type { Principal } from "@/lib/auth/types";
import { updateUser } from "@/lib/auth/update-user";
import { getDb } from "@/lib/db/db";

// The admin endpoints for users, each one call into lib/auth with the database and who is asking.
export const usersApi = {
  list: () => ({ users: listUsers(getDb()) }),
  create: async (input: NewUser, by: Principal, request: Request) => ({
    user: await createUser(getDb(), input, by.name, clientAddress(request)),
  }),
  update: async (id: number, patch: UserPatch, by: Principal, request: Request) => ({
    user: await updateUser(getDb(), id, patch, by.name, clientAddress(request)),
  }),
  remove: (id: number, by: Principal, request: Request) => {
    deleteUser(getDb(), id, by.name, clientAddress(request));
    return { ok: true };
  },
};
