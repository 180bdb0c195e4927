// NHS.UK button. Defaults to type="submit" because most buttons submit a form.
import { forwardRef, type ButtonHTMLAttributes } from "react";
import { cx } from "./layout";

export type ButtonVariant = "primary" | "secondary" | "warning";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  small?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "primary", small, type = "submit", className, children, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={cx(
        "nhsuk-button",
        variant !== "primary" && `nhsuk-button--${variant}`,
        small && "nhsuk-button--small",
        className,
      )}
      {...rest}
    >
      {children}
    </button>
  );
});
