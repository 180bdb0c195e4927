// Thin typed wrappers over nhsuk-react-components where its markup already matches NHS.UK frontend v10.
import {
  BackLink as NhsBackLink,
  InsetText as NhsInsetText,
  Tag as NhsTag,
  WarningCallout as NhsWarningCallout,
} from "nhsuk-react-components";
import type { MouseEvent, ReactNode } from "react";

export type TagColour =
  | "white"
  | "grey"
  | "green"
  | "aqua-green"
  | "blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

export interface TagProps {
  colour?: TagColour;
  children: ReactNode;
  className?: string;
}

export function Tag({ colour, children, className }: TagProps) {
  return (
    <NhsTag modifier={colour} className={className}>
      {children}
    </NhsTag>
  );
}

export interface BackLinkProps {
  href: string;
  children?: ReactNode;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
}

export function BackLink({ href, children = "Back", onClick }: BackLinkProps) {
  return (
    <NhsBackLink href={href} onClick={onClick}>
      {children}
    </NhsBackLink>
  );
}

export interface InsetTextProps {
  children: ReactNode;
}

export function InsetText({ children }: InsetTextProps) {
  return <NhsInsetText>{children}</NhsInsetText>;
}

export interface WarningCalloutProps {
  heading: string;
  headingLevel?: "h2" | "h3" | "h4";
  children: ReactNode;
}

export function WarningCallout({ heading, headingLevel = "h3", children }: WarningCalloutProps) {
  return (
    <NhsWarningCallout>
      <NhsWarningCallout.Heading headingLevel={headingLevel}>{heading}</NhsWarningCallout.Heading>
      {children}
    </NhsWarningCallout>
  );
}
