// A contact point: a named person with an email link and, if given, a phone number.
export interface Contact {
  name: string;
  email: string;
  phone?: string | null | undefined;
}

export function ContactDetails({ contact }: { contact: Contact }) {
  const phone = contact.phone?.trim();
  const email = contact.email.trim();
  if (!contact.name.trim() && !email && !phone)
    return <p>No contact details have been published yet.</p>;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {contact.name.trim() ? <li>{contact.name}</li> : null}
      {email ? (
        <li>
          Email: <a href={`mailto:${email}`}>{email}</a>
        </li>
      ) : null}
      {phone ? (
        <li>
          Phone: <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a>
        </li>
      ) : null}
    </ul>
  );
}
