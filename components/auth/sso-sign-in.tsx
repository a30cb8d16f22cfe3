/** Single sign-on's way in: a plain link, since the browser itself must go to the provider and back. */
export function SsoSignIn({ name, href }: { name: string; href: string }) {
  return (
    <div className="space-y-3">
      <a
        href={href}
        data-testid="sso-sign-in"
        className="flex w-full items-center justify-center rounded-md border border-sky-700 bg-sky-700 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-sky-500 dark:bg-sky-600 dark:hover:bg-sky-500"
      >
        Sign in with {name}
      </a>
      <p className="text-center text-xs text-slate-500 dark:text-slate-400">
        or with a Wharf user and password
      </p>
    </div>
  );
}
