// Any address no route claims: the root loader still runs (so the header knows who is signed in)
// and the root error boundary shows "Page not found".
export function loader() {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
