// The NHS.UK footer: support links and a copyright line.
export interface FooterLink {
  href: string;
  text: string;
}

export interface FooterProps {
  links?: FooterLink[];
  copyright?: string;
}

export function Footer({ links = [], copyright = "© Tandem mentoring" }: FooterProps) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          {links.length ? (
            <>
              <h2 className="nhsuk-u-visually-hidden">Support links</h2>
              <ul className="nhsuk-footer__list">
                {links.map((link) => (
                  <li className="nhsuk-footer__list-item" key={link.href}>
                    <a className="nhsuk-footer__list-item-link" href={link.href}>
                      {link.text}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="nhsuk-body-s">{copyright}</p>
        </div>
      </div>
    </footer>
  );
}
