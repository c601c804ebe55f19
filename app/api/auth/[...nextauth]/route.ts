import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { apiRoute, withCappedBody } from "@/server/http/api-route";
import { errorResponse } from "@/server/http/error-response";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's endpoints behind the request rules (apiRoute: the sign-in throttle, cross-site
 * refusal, body caps), with the body read under its cap before next-auth reads it. Built per request
 * so the secret is read at run time, not at build time.
 */
const handler = apiRoute<Ctx>(async (request, context) => {
  let capped: NextRequest;
  try {
    capped = await withCappedBody(request as NextRequest);
  } catch (error) {
    return errorResponse(error);
  }
  return NextAuth(authOptions())(capped, context);
});

export { handler as GET, handler as POST };
