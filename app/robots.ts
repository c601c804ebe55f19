import type { MetadataRoute } from "next";

/*
 * Surveys, invitations and personal reports are reached through links people were given, and the
 * dashboards, admin and account pages need a sign-in: none of them belongs in a search engine.
 */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: ["/s/", "/i/", "/report/", "/dashboard", "/admin", "/account", "/api/"] } };
}
