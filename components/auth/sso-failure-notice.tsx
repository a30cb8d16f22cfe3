import { Notice } from "@/components/ui/notice";

export function SsoFailureNotice({ message }: { message: string }) {
  return (
    <Notice tone="error" title="Not signed in">
      <p data-testid="sso-error">{message}</p>
    </Notice>
  );
}
