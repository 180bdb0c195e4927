// Page layout: the width container and the main landmark the skip link points at.
import { forwardRef, type HTMLAttributes, type ReactNode } from "react";

export interface ContainerProps extends HTMLAttributes<HTMLDivElement> {
  children: ReactNode;
}

export function Container({ className, children, ...rest }: ContainerProps) {
  return (
    <div className={cx("nhsuk-width-container", className)} {...rest}>
      {children}
    </div>
  );
}

export interface MainWrapperProps extends HTMLAttributes<HTMLElement> {
  children: ReactNode;
  /** Less vertical padding, e.g. when a back link sits above the main content. */
  size?: "s" | "l";
}

/** The `<main>` element; `id="maincontent"` matches the skip link, and tabIndex -1 lets code focus it. */
export const MainWrapper = forwardRef<HTMLElement, MainWrapperProps>(function MainWrapper(
  { className, children, size, id = "maincontent", ...rest },
  ref,
) {
  return (
    <main
      ref={ref}
      id={id}
      tabIndex={-1}
      className={cx("nhsuk-main-wrapper", size && `nhsuk-main-wrapper--${size}`, className)}
      {...rest}
    >
      {children}
    </main>
  );
});

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
