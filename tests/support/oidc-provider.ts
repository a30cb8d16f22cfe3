// A real OpenID provider for single sign-on tests: the `oidc-provider` package on a loopback ephemeral port, with
// a signing key of its own made here, its own login and consent pages (any password signs in; the login names the
// subject), and accounts whose groups a test changes between sign-ins.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Adapter, type AdapterPayload } from "oidc-provider";

export type TestProvider = {
  /** `http://localhost:PORT`: another site than Wharf's 127.0.0.1, as a real provider is. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The groups the provider's `groups` claim gives this login from the next sign-in on. */
  setGroups: (login: string, groups: string[]) => void;
  /**
   * From now on the provider's redirects back to Wharf stop at a page of the provider's ("held by the test")
   * instead, and their URLs (code, state, iss) are kept here, for a test to send on as they are or changed.
   */
  holdCallbacks: () => string[];
  releaseCallbacks: () => void;
  /** Every authorization code the provider has issued (used or not) expires now, as if its minute had passed. */
  expireCodes: () => void;
  stop: () => Promise<void>;
};

const HELD_PATH = "/ss-held";

export async function startTestProvider(options: { redirectUris: string[] }): Promise<TestProvider> {
  const groups = new Map<string, string[]>();
  const store = new Map<string, AdapterPayload>();
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "ss-test", alg: "RS256", use: "sig" };
  const clientId = "wharf-ss";
  const clientSecret = randomBytes(24).toString("hex");
  const provider = new Provider(issuer, {
    adapter: (name: string) => new MapAdapter(name, store),
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], profile: ["preferred_username", "name"], groups: ["groups"] },
    pkce: { required: () => true },
    // Said outright: the provider otherwise warns about each default it falls back on.
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
    },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, preferred_username: id, name: id, groups: groups.get(id) ?? [] }),
    }),
  });
  const callback = provider.callback();
  let held: string[] | null = null;
  handle = (req, res) => {
    if (req.url === HELD_PATH)
      return void res.writeHead(200, { "content-type": "text/plain" }).end("held by the test");
    const holding = held;
    if (holding !== null) {
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name, value) => {
        const location = String(value);
        if (
          name.toLowerCase() !== "location" ||
          !options.redirectUris.some((uri) => location.startsWith(uri))
        )
          return setHeader(name, value);
        holding.push(location);
        return setHeader(name, `${issuer}${HELD_PATH}`);
      };
    }
    callback(req, res);
  };

  return {
    issuer,
    clientId,
    clientSecret,
    setGroups: (login, list) => groups.set(login, list),
    holdCallbacks: () => (held = []),
    releaseCallbacks: () => void (held = null),
    expireCodes: () => {
      for (const [key, payload] of store)
        if (key.startsWith("AuthorizationCode:"))
          store.set(key, { ...payload, exp: Math.floor(Date.now() / 1000) - 1 });
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The provider's storage, in this test's memory: the in-memory adapter it ships shares one store per process. */
class MapAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: Map<string, AdapterPayload>,
  ) {}
  private key = (id: string) => `${this.model}:${id}`;
  async upsert(id: string, payload: AdapterPayload): Promise<void> {
    this.store.set(this.key(id), payload);
  }
  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.store.get(this.key(id));
  }
  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return [...this.store.values()].find((payload) => payload.userCode === userCode);
  }
  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return [...this.store.entries()].find(
      ([key, p]) => key.startsWith(`${this.model}:`) && p.uid === uid,
    )?.[1];
  }
  async consume(id: string): Promise<void> {
    const payload = this.store.get(this.key(id));
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    this.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [key, payload] of this.store) if (payload.grantId === grantId) this.store.delete(key);
  }
}
