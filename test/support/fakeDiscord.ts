import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { BOT_USER, FAKE_IDS, guildCreate, messageData, snowflake, type Json } from "./fakeDiscordData.js";
import { FaultPlan, holdResponse, type Fault } from "./faults.js";

export { BOT_USER, FAKE_IDS, messageData, snowflake } from "./fakeDiscordData.js";

/**
 * A local Discord for tests: the REST API (the routes this bot uses, every request recorded) and a
 * gateway websocket speaking protocol v10 with JSON and no compression, both on 127.0.0.1 with a
 * random port. The real discord.js Client connects to it: REST through `rest.api`, the gateway
 * through the URL this server returns from GET /gateway/bot.
 */

export interface RecordedRequest {
  method: string;
  /** The path after the API base and version, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: URLSearchParams;
  body: any;
  authorization: string | undefined;
  at: number;
  /** The status the client was sent; undefined while the request is held, or when it was dropped. */
  status?: number;
}

export interface GatewayFrame {
  op: number;
  d: any;
  at: number;
}

/** One gateway session: the shard it identified as, and the dispatches it was sent (for RESUME). */
interface Session {
  id: string;
  seq: number;
  backlog: Json[];
  shard: [number, number];
  socket: WebSocket | null;
}

/** The shard that receives a guild's events: `(guild_id >> 22) % total`; DMs (no guild) go to shard 0. */
export function shardOf(guildId: string | null | undefined, total: number): number {
  return guildId == null || total === 1 ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(total));
}

/** Discord checks a message nonce for uniqueness "in the past few minutes". */
const NONCE_WINDOW_MS = 5 * 60_000;

export class FakeDiscord extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** Frames the client sent on the gateway (IDENTIFY, HEARTBEAT, RESUME…). */
  readonly received: GatewayFrame[] = [];
  readonly messages = new Map<string, Json>();
  readonly connections: { query: URLSearchParams; closeCode?: number }[] = [];
  private readonly originals = new Map<string, string>();
  private readonly interactionChannels = new Map<string, string>();
  private readonly acknowledged = new Set<string>();
  /** Message ids by `channel:nonce`, for messages sent with `enforce_nonce`. */
  private readonly nonces = new Map<string, { id: string; at: number }>();
  private readonly faults = new FaultPlan();
  private readonly sockets = new Set<WebSocket>();
  /** The latest session of each shard id. */
  private readonly sessions = new Map<number, Session>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly server = http.createServer((request, response) => void this.handleHttp(request, response));
  private base = "";

  constructor(
    private readonly options: {
      applicationFlags?: number;
      heartbeatIntervalMs?: number;
      validToken?: string;
      /** Answer IDENTIFY by closing the connection with this code (4004 authentication failed, 4014 disallowed intents…). */
      identifyCloseCode?: number;
      /** The shard count GET /gateway/bot recommends (1 unless set). */
      shards?: number;
      /** The guilds the bot is in, each sent to the shard that owns it (FAKE_IDS.guild unless set). */
      guilds?: readonly { id: string; channel: string }[];
    } = {},
  ) {
    super();
    this.server.on("upgrade", (request, socket, head) => {
      const url = new URL(request.url ?? "/", this.base);
      if (url.pathname !== "/gateway") return void socket.destroy();
      this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, url.searchParams));
    });
  }

  static async start(options: ConstructorParameters<typeof FakeDiscord>[0] = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get apiUrl(): string {
    return `${this.base}/api`;
  }

  /** The `[id, total]` each IDENTIFY asked for, in order. */
  get identifiedShards(): [number, number][] {
    return this.received.filter((frame) => frame.op === 2).map((frame) => frame.d.shard ?? [0, 1]);
  }

  /**
   * Sends a dispatch (op 0) on the live connection of the shard that owns `d.guild_id` (shard 0
   * for DMs), as Discord routes events; or keeps it for replay on RESUME.
   */
  dispatch(t: string, d: Json): void {
    const total = this.sessions.values().next().value?.shard[1] ?? 1;
    this.dispatchTo(shardOf(d.guild_id, total), t, d);
  }

  private dispatchTo(shard: number, t: string, d: Json): void {
    const session = this.sessions.get(shard);
    if (!session) throw new Error(`no gateway session for shard ${shard} yet`);
    if (t === "INTERACTION_CREATE") this.interactionChannels.set(d.token, d.channel_id);
    const frame = { op: 0, t, s: ++session.seq, d };
    session.backlog.push(frame);
    if (session.socket?.readyState === 1) session.socket.send(JSON.stringify(frame));
  }

  /** Drops a shard's gateway connection (shard 0's unless told): with a close code (4000 = unknown error, resumable) or abruptly. */
  dropConnection(code?: number, shard = 0): void {
    const session = this.sessions.get(shard);
    const socket = session?.socket;
    if (session) session.socket = null;
    if (code === undefined) socket?.terminate();
    else socket?.close(code, "dropped by the test");
  }

  /** Makes the next `times` requests matching `method` and `path` go wrong in the way `fault` says. */
  injectFault(method: string, path: string | RegExp, fault: Fault, times = 1): void {
    this.faults.add(method, path, fault, times);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Resolves with the first value `check` returns, re-checking on every request and frame. */
  waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const found = check();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off("change", attempt);
      };
      this.on("change", attempt);
      attempt();
    });
  }

  waitForRequest(method: string, path: string | RegExp, what = `${method} ${path}`, timeoutMs?: number): Promise<RecordedRequest> {
    const matches = (request: RecordedRequest) => request.method === method && (typeof path === "string" ? request.path === path : path.test(request.path));
    return this.waitFor(() => this.requests.find(matches), what, timeoutMs);
  }

  waitForFrame(op: number, after = 0): Promise<GatewayFrame> {
    return this.waitFor(() => this.received.find((frame) => frame.op === op && frame.at >= after), `gateway op ${op}`);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(ws: WebSocket, payload: Json): void {
    ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket, query: URLSearchParams): void {
    this.sockets.add(ws);
    const connection: { query: URLSearchParams; closeCode?: number } = { query };
    this.connections.push(connection);
    ws.on("close", (code) => {
      connection.closeCode = code;
      this.sockets.delete(ws);
      this.emit("change");
    });
    ws.on("message", (raw) => {
      try {
        this.onFrame(ws, JSON.parse(String(raw)) as { op: number; d: any });
      } catch {
        ws.close(4002, "decode error");
      }
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 45_000 } });
    this.emit("change");
  }

  private onFrame(ws: WebSocket, frame: { op: number; d: any }): void {
    this.received.push({ ...frame, at: Date.now() });
    if (frame.op === 1) this.send(ws, { op: 11 });
    if (frame.op === 2) this.identify(ws, frame.d ?? {});
    if (frame.op === 6) this.resume(ws, frame.d);
    this.emit("change");
  }

  private identify(ws: WebSocket, d: { shard?: [number, number] }): void {
    if (this.options.identifyCloseCode !== undefined) return void ws.close(this.options.identifyCloseCode, "refused by the test");
    const shard = d.shard ?? [0, 1];
    const [id, total] = shard;
    const session: Session = { id: `session-${snowflake()}`, seq: 0, backlog: [], shard, socket: ws };
    this.sessions.set(id, session);
    const guilds = (this.options.guilds ?? [{ id: FAKE_IDS.guild, channel: FAKE_IDS.channel }]).filter((guild) => shardOf(guild.id, total) === id);
    this.dispatchTo(id, "READY", {
      v: 10,
      user: BOT_USER,
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: `${this.base.replace("http", "ws")}/gateway`,
      shard,
      application: { id: FAKE_IDS.application, flags: this.options.applicationFlags ?? 0 },
    });
    for (const guild of guilds) this.dispatchTo(id, "GUILD_CREATE", guildCreate(guild.id, guild.channel));
  }

  private resume(ws: WebSocket, d: { session_id: string; seq: number }): void {
    const session = [...this.sessions.values()].find((candidate) => candidate.id === d.session_id);
    if (!session) return this.send(ws, { op: 9, d: false });
    session.socket = ws;
    for (const frame of session.backlog) if (frame.s > d.seq) this.send(ws, frame);
    this.dispatchTo(session.shard[0], "RESUMED", {});
  }

  private async handleHttp(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", this.base);
    const text = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ""),
      query: url.searchParams,
      body: text === "" ? undefined : JSON.parse(text),
      authorization: request.headers.authorization,
      at: Date.now(),
    };
    this.requests.push(recorded);
    this.emit("change");
    const fault = this.faults.take(recorded.method, recorded.path);
    if (fault?.kind === "slowRequest" && !(await holdResponse(response, fault.delayMs))) return;
    const authorised = this.options.validToken === undefined || recorded.path.startsWith("/interactions/") || recorded.path.startsWith("/webhooks/");
    let { status, body } =
      authorised || recorded.authorization === `Bot ${this.options.validToken}` ? this.route(recorded) : { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    if (fault?.kind === "lostResponse") ({ status, body } = { status: fault.status, body: { message: `${fault.status}: lost by the test`, code: 0 } });
    if (fault?.kind === "slowResponse" && !(await holdResponse(response, fault.delayMs))) return;
    response.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
    response.end(body === undefined ? undefined : JSON.stringify(body));
    recorded.status = status;
    this.emit("change");
  }

  private route({ method, path, body }: RecordedRequest): { status: number; body?: unknown } {
    const [, first, second, third, fourth, fifth] = path.split("/");
    if (method === "GET" && path === "/gateway/bot") {
      const url = `${this.base.replace("http", "ws")}/gateway`;
      return { status: 200, body: { url, shards: this.options.shards ?? 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: 1 } } };
    }
    if (method === "GET" && path === "/applications/@me") return { status: 200, body: { id: FAKE_IDS.application, name: "newsbot", flags: this.options.applicationFlags ?? 0 } };
    if (method === "PUT" && first === "applications" && path.endsWith("/commands")) {
      return { status: 200, body: (body as Json[]).map((command) => ({ ...command, id: snowflake(), application_id: FAKE_IDS.application, version: "1" })) };
    }
    if (method === "POST" && first === "interactions" && second !== undefined && fourth === "callback") {
      if (this.acknowledged.has(second)) return { status: 400, body: { message: "Interaction has already been acknowledged.", code: 40060 } };
      this.acknowledged.add(second);
      return { status: 204 };
    }
    if (first === "webhooks" && third !== undefined) return this.webhookRoute(method, third, fourth, fifth, body);
    if (method === "POST" && first === "channels" && third === "typing") return { status: 204 };
    if (method === "POST" && first === "channels" && third === "messages" && second !== undefined) return { status: 200, body: this.createMessage(second, body) };
    return { status: 404, body: { message: "404: Not Found", code: 0 } };
  }

  private webhookRoute(method: string, token: string, messages: string | undefined, target: string | undefined, body: Json): { status: number; body?: unknown } {
    const channelId = this.interactionChannels.get(token) ?? FAKE_IDS.channel;
    if (method === "POST" && messages === undefined) return { status: 200, body: this.storeMessage(snowflake(), channelId, body, true) };
    if (messages !== "messages" || target === undefined) return { status: 404, body: { message: "404: Not Found", code: 0 } };
    const id = target === "@original" ? this.originals.get(token) ?? snowflake() : target;
    if (target === "@original") this.originals.set(token, id);
    if (method === "DELETE") return { status: 204 };
    if (method === "PATCH") return { status: 200, body: this.storeMessage(id, channelId, { ...this.messages.get(id), ...body }, true) };
    const existing = this.messages.get(id);
    return existing ? { status: 200, body: existing } : { status: 404, body: { message: "Unknown Message", code: 10008 } };
  }

  /** A new channel message, or with `enforce_nonce` the one already made with the same nonce in the last few minutes. */
  private createMessage(channelId: string, body: Json): Json {
    const key = `${channelId}:${body.nonce}`;
    const earlier = body.enforce_nonce === true && body.nonce !== undefined ? this.nonces.get(key) : undefined;
    if (earlier !== undefined && Date.now() - earlier.at < NONCE_WINDOW_MS) return this.messages.get(earlier.id)!;
    const message = this.storeMessage(snowflake(), channelId, body);
    if (body.enforce_nonce === true && body.nonce !== undefined) this.nonces.set(key, { id: message.id, at: Date.now() });
    return message;
  }

  private storeMessage(id: string, channelId: string, body: Json, fromWebhook = false): Json {
    const message = {
      ...messageData({ id, channel_id: channelId, author: BOT_USER, content: body.content ?? "", embeds: body.embeds ?? [], components: body.components ?? [] }),
      flags: body.flags ?? 0,
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      ...(body.message_reference ? { type: 19, message_reference: body.message_reference } : {}),
      ...(fromWebhook ? { webhook_id: FAKE_IDS.application, application_id: FAKE_IDS.application } : {}),
    };
    this.messages.set(id, message);
    return message;
  }
}
