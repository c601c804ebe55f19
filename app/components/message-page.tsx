import Link from "next/link";

/** A calm full page for dead ends: unknown code, closed survey, missing report. */
export function MessagePage({ title, body, linkText, href = "/" }: { title: string; body: string; linkText: string; href?: string }) {
  return (
    <div className="narrow">
      <section className="card" aria-labelledby="message-title">
        <h1 id="message-title">{title}</h1>
        <p className="lead">{body}</p>
        <Link className="btn btn-secondary" href={href}>
          {linkText}
        </Link>
      </section>
    </div>
  );
}
