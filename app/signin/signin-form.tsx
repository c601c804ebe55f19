"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { format, type Messages } from "@/lib/i18n/messages";

/** Email + password sign-in through next-auth's credentials endpoint; errors stay on the page. */
export function SignInForm({ m, callbackUrl }: { m: Messages["auth"]; callbackUrl: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError(m.required);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    setBusy(false);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    const code = result?.error ?? "invalid";
    const throttled = /^throttled:(\d+)$/.exec(code);
    setError(throttled ? format(m.throttled, { seconds: throttled[1]! }) : m.invalid);
    setPassword("");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="stack-form">
      {error && (
        <p className="error-summary" role="alert" data-testid="signin-error">
          {error}
        </p>
      )}
      <label>
        {m.email}
        <input className="input-text" type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {m.password}
        <input className="input-text" type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button className="btn" type="submit" disabled={busy}>
        {busy ? m.signingIn : m.signIn}
      </button>
    </form>
  );
}
