// The NHS.UK header (v10 markup) with Tandem's service name, optional navigation and an account
// area: the signed-in person's name, an organisation switcher slot and a sign-out slot.
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { cx } from "./layout";

export interface HeaderNavItem {
  href: string;
  text: string;
  current?: boolean;
}

export interface HeaderAccount {
  /** The signed-in person's name, shown with the user icon. */
  name?: ReactNode;
  /** E.g. a small form with a select of organisations. */
  organisationSwitcher?: ReactNode;
  /** E.g. a form posting to sign out, containing a `HeaderAccountButton`. */
  signOut?: ReactNode;
}

export interface HeaderProps {
  serviceName: string;
  /** Where the logo and service name link to. */
  href?: string;
  navigation?: HeaderNavItem[];
  navigationLabel?: string;
  account?: HeaderAccount;
}

export function Header({ serviceName, href = "/", navigation, navigationLabel = "Menu", account }: HeaderProps) {
  const accountItems = account
    ? [
        account.name ? (
          <li className="nhsuk-header__account-item" key="name">
            <UserIcon />
            {account.name}
          </li>
        ) : null,
        account.organisationSwitcher ? (
          <li className="nhsuk-header__account-item" key="organisation">
            {account.organisationSwitcher}
          </li>
        ) : null,
        account.signOut ? (
          <li className="nhsuk-header__account-item" key="sign-out">
            {account.signOut}
          </li>
        ) : null,
      ].filter(Boolean)
    : [];

  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <a className="nhsuk-header__service-logo" href={href} aria-label={`NHS ${serviceName} homepage`}>
            <NhsLogo />
            <span className="nhsuk-header__service-name">{serviceName}</span>
          </a>
        </div>
        {accountItems.length ? (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">{accountItems}</ul>
          </nav>
        ) : null}
      </div>
      {navigation?.length ? (
        <nav className="nhsuk-header__navigation" aria-label={navigationLabel}>
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {navigation.map((item) => (
                <li
                  key={item.href}
                  className={cx("nhsuk-header__navigation-item", item.current && "nhsuk-header__navigation-item--current")}
                >
                  <a
                    className="nhsuk-header__navigation-link"
                    href={item.href}
                    aria-current={item.current ? "page" : undefined}
                  >
                    {item.current ? (
                      <strong className="nhsuk-header__navigation-item-current-fallback">{item.text}</strong>
                    ) : (
                      item.text
                    )}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </header>
  );
}

/** A header account action (e.g. "Sign out") styled as a link; put it inside a form or give it onClick. */
export function HeaderAccountButton({
  type = "submit",
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={cx("nhsuk-header__account-button", className)} {...rest} />;
}

function NhsLogo() {
  return (
    <svg
      className="nhsuk-header__logo"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 200 80"
      height="40"
      width="100"
      focusable="false"
      aria-hidden="true"
    >
      <path
        fill="currentcolor"
        d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
      />
    </svg>
  );
}

function UserIcon() {
  return (
    <svg
      className="nhsuk-icon nhsuk-icon--user"
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path
        fill="currentcolor"
        d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z"
      />
    </svg>
  );
}
