// The contact page (public): each organisation's published contact point, from the directory.
import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, type MetaFunction } from "@remix-run/react";
import { ContactPage, servicePageTitles } from "@tandem/ui";
import { api } from "../lib/api.server";
import { pageTitle } from "../lib/meta";

export const meta: MetaFunction = () => pageTitle(servicePageTitles.contact);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { caller, headers } = await api(request, context);
  const organisations = await caller.directory.list();
  return data(
    { organisations: organisations.map(({ id, name, contact }) => ({ id, name, contact })) },
    { headers },
  );
}

export default function Contact() {
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{servicePageTitles.contact}</h1>
        <ContactPage base="" organisations={organisations} />
      </div>
    </div>
  );
}
