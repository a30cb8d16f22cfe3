import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { SsoFailureNotice } from "@/components/auth/sso-failure-notice";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { safeNextPath } from "@/lib/auth/login-redirect";
import { ssoConfig } from "@/lib/auth/sso/current-sso-config";
import { ssoFailureMessage } from "@/lib/auth/sso/sso-failures";

export const metadata: Metadata = { title: "Sign in · Wharf" };

type Search = { next?: string | string[]; sso_error?: string | string[] };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const next = safeNextPath(typeof search.next === "string" ? search.next : null);
  const sso = ssoConfig();
  const failure = ssoFailureMessage(typeof search.sso_error === "string" ? search.sso_error : null);
  const start =
    next === "/" ? "/api/auth/oidc/start" : `/api/auth/oidc/start?next=${encodeURIComponent(next)}`;
  return (
    <LoginForm next={next}>
      {failure && <SsoFailureNotice message={failure} />}
      {sso && <SsoSignIn name={sso.name} href={start} />}
    </LoginForm>
  );
}
