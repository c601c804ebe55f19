import { messages } from "@/lib/i18n/messages";
import { currentLocale } from "@/server/i18n";

export default async function HomePage() {
  const m = messages(await currentLocale());
  return (
    <div className="narrow">
      <section className="card">
        <h1>{m.home.title}</h1>
        <p className="lead">{m.home.lead}</p>
      </section>
      <section className="card" aria-labelledby="code-title">
        <h2 id="code-title">{m.home.haveCode}</h2>
        <form className="code-form" action="/s" method="get">
          <label>
            {m.home.codeLabel}
            <input className="input-text" name="code" required maxLength={64} autoComplete="off" />
          </label>
          <button className="btn" type="submit">
            {m.home.open}
          </button>
        </form>
      </section>
    </div>
  );
}
