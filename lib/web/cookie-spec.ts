/**
 * Name and attributes of the app's own cookies (session, device). Over HTTPS
 * they carry the __Host- prefix: the browser then accepts them only with
 * Secure, Path=/ and no Domain, so neither a sibling subdomain nor a
 * plain-HTTP page can plant or overwrite them.
 */
export type CookieSpec = {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/" };
};

export function cookieSpec(base: string, secure: boolean): CookieSpec {
  return {
    name: secure ? `__Host-${base}` : base,
    options: { httpOnly: true, sameSite: "lax", secure, path: "/" },
  };
}
