import { useId, type ComponentProps } from "react";
import { fieldClass } from "./field-class";

/** An input with its visible label, tied by id so screen readers and `getByLabel` find it. */
export function TextField({ label, className = "", ...props }: ComponentProps<"input"> & { label: string }) {
  const id = useId();
  return (
    <div className="flex min-w-0 max-w-full flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <input id={id} className={`${fieldClass} ${className}`} {...props} />
    </div>
  );
}
