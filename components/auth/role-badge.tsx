import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Role } from "@/lib/auth/types";

const tones: Record<Role, BadgeTone> = { viewer: "gray", operator: "blue", admin: "purple" };

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={tones[role]}>
      <span data-testid="role">{role}</span>
    </Badge>
  );
}
