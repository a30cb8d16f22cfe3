/** The look of text inputs and selects, so forms across pages line up. */
export const fieldClass =
  "h-9 max-w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
