// A real OpenID Connect provider for the sign-in tests: panva's oidc-provider (the certified
// implementation behind many identity services), listening on 127.0.0.1 only.
//
// Usage: node provider.mjs   with OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI set.
// Prints "bereit <issuer>" once it listens. TEST ONLY: the accounts and passwords below are invented
// for the tests and protect nothing. Its own login page (German, no external fonts or scripts) checks
// the password, so the browser test signs in as a person does.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;

const ACCOUNTS = {
  analystin: {
    password: 'test-analyse-passwort',
    claims: { email: 'analystin@kreis.test', email_verified: true, name: 'Anna Analystin', preferred_username: 'analystin', roles: ['bildungsmonitor-analyse'] },
  },
  leser: {
    password: 'test-lese-passwort',
    claims: { email: 'leser@kreis.test', email_verified: true, name: 'Lea Leser', preferred_username: 'leser', roles: ['mitarbeitende'] },
  },
};
const CLAIMS = ['email', 'email_verified', 'name', 'preferred_username', 'roles'];

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: [process.env.OIDC_REDIRECT_URI],
    post_logout_redirect_uris: [process.env.OIDC_REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  // "roles" travels with the profile scope, as Entra ID app roles or a Keycloak client-role mapper do.
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'roles'] },
  conformIdTokenClaims: false, // claims in the ID token itself: Streamlit reads the user from it
  cookies: { keys: ['nur-fuer-tests'] },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (ctx, id) => ACCOUNTS[id] && { accountId: id, claims: async () => ({ sub: id, ...ACCOUNTS[id].claims }) },
  // The dashboard is a first-party client: no consent page, as a Kreisverwaltung configures it.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(CLAIMS);
    await grant.save();
    return grant;
  },
});

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (uid, error) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Anmeldung</title></head>
<body><main><h1>Anmeldung beim Test-Identitätsdienst</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Benutzername <input name="login" autocomplete="username" required></label>
<label>Passwort <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Anmelden</button></form></main></body></html>`;

async function body(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return new URLSearchParams(text);
}

async function interaction(req, res) {
  const { uid } = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid));
    return;
  }
  const form = await body(req);
  const account = ACCOUNTS[form.get('login')];
  if (!account || account.password !== form.get('password')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid, 'Benutzername oder Passwort falsch.'));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: form.get('login') } }, { mergeWithLastSubmission: false });
}

const server = http.createServer((req, res) => {
  if (req.url === '/favicon.ico') {
    res.writeHead(204).end(); // no icon, and no 404 in the browser console
  } else if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`Fehler: ${error.message}`);
    });
  } else {
    provider.callback()(req, res);
  }
});
server.listen(port, '127.0.0.1', () => console.log(`bereit ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
