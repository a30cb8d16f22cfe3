import type { ComponentProps } from "react";
import { fieldClass } from "@/components/ui/field-class";
import { roles, type Role } from "@/lib/auth/types";

export function RoleSelect({
  value,
  onChange,
  ...props
}: Omit<ComponentProps<"select">, "value" | "onChange"> & { value: Role; onChange: (role: Role) => void }) {
  return (
    <select
      className={fieldClass}
      value={value}
      onChange={(event) => onChange(event.target.value as Role)}
      {...props}
    >
      {roles.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}
