// @tandem/ui: React components on the NHS.UK design system, safe for server rendering and the browser.
export { Button, type ButtonProps, type ButtonVariant } from "./button";
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from "./error-summary";
export {
  Checkboxes,
  ErrorMessage,
  Hint,
  Select,
  TextInput,
  describedBy,
  type CheckboxItem,
  type CheckboxesProps,
  type InputWidth,
  type SelectOption,
  type SelectProps,
  type TextInputProps,
} from "./form-fields";
export { Footer, type FooterLink, type FooterProps } from "./footer";
export {
  Header,
  HeaderAccountButton,
  type HeaderAccount,
  type HeaderNavItem,
  type HeaderProps,
} from "./header";
export { Container, MainWrapper, cx, type ContainerProps, type MainWrapperProps } from "./layout";
export {
  BackLink,
  InsetText,
  Tag,
  WarningCallout,
  type BackLinkProps,
  type InsetTextProps,
  type TagColour,
  type TagProps,
  type WarningCalloutProps,
} from "./simple";
export { SkipLink, type SkipLinkProps } from "./skip-link";
export {
  SummaryList,
  type SummaryListAction,
  type SummaryListProps,
  type SummaryListRow,
} from "./summary-list";
export { Table, type TableProps } from "./table";
export { Radios, useHydrated, type RadioItem, type RadiosProps } from "./radios";
export { Textarea, type TextareaProps } from "./textarea";
export {
  AccessibilityStatement,
  ContactPage,
  PrivacyNotice,
  serviceFooterLinks,
  servicePageTitles,
  type ContactPoint,
} from "./service-pages";
