// The first focusable element on every page: jumps past the header to the main content.
export interface SkipLinkProps {
  href?: string;
  text?: string;
}

export function SkipLink({ href = "#maincontent", text = "Skip to main content" }: SkipLinkProps) {
  return (
    <a className="nhsuk-skip-link" href={href}>
      {text}
    </a>
  );
}
