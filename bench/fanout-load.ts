/**
 * The load side of the fan-out benchmark, all in one process (so poster and readers share a
 * clock): N socket.io-client readers joined to one thread, and one poster that sends
 * `comment:create` at a steady rate. With several servers (one Redis behind them), the readers
 * are spread over them in turn and there is one poster per server, the posts going to each in
 * turn, so most deliveries cross from one server to another through the Redis adapter. Each post's text carries its index; the send time is
 * kept here, so a reader's latency is `performance.now()` at receipt minus the send time.
 */
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';

export const PAGE = 'bench/fanout';
const TEXT_PREFIX = 'fanout ';
/** Makes the broadcast a realistic size (~230 bytes of comment text). */
const FILLER =
  'Hilirisasi mineral kritis perlu diiringi tata kelola yang baik agar manfaatnya dirasakan warga sekitar tambang, bukan hanya investor.';
const MAX_POSTS = 200_000;
const CONNECT_TIMEOUT_MS = 10_000;
const CONNECT_BATCH = 50;

interface Result<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}
interface CreatedEvent {
  comment: { text: string };
}

type AnySocket = Socket;

export interface StepResult {
  label: string;
  readers: number;
  /** Requested posts per second. */
  rate: number;
  durationMs: number;
  posts: number;
  acked: number;
  errors: Record<string, number>;
  expected: number;
  /** Deliveries that arrived within the step plus its drain. */
  delivered: number;
  /** Deliveries that arrived after the drain (counted, not in the percentiles). */
  late: number;
  deliveredRatio: number;
  /** Delivered ÷ the longer of the step and (last delivery − first send). */
  deliveriesPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  ackMs: { p50: number; p99: number };
  /** Server process (+ its redis-server) CPU ÷ wall time; 1 = one core. */
  serverCpu: number;
  /** The redis-server's part of serverCpu (0 without one). */
  redisCpu: number;
  /** This process's CPU ÷ wall time. */
  loadCpu: number;
  /** Everything else the machine ran meanwhile (other users' work), ÷ wall time. */
  otherCpu: number;
  /** Server write syscalls ÷ deliveries: 1 = one write per frame per reader; lower = frames coalesced. */
  writesPerDelivery: number;
  sustained: boolean;
}

interface OpenStep {
  open: boolean;
  lat: Float32Array;
  n: number;
  late: number;
  lastRecv: number;
  ackLat: Float32Array;
  acked: number;
  errors: Record<string, number>;
}

export interface LoadOptions {
  /** The servers (one or more on one Redis): readers and posts are spread over them in turn. */
  urls: readonly string[];
  /** Seconds of server CPU used so far (for CPU% per step). */
  serverCpuSeconds: () => number;
  /** Seconds of CPU the server's redis-server used so far (0 without one); included in serverCpuSeconds. */
  redisCpuSeconds?: () => number;
  /** Seconds of CPU the whole machine used so far. */
  machineBusySeconds: () => number;
  /** Write syscalls (write, writev, …) the server process made so far (/proc/<pid>/io syscw). */
  serverWrites?: () => number;
}

export class FanoutLoad {
  private readonly sentAt = new Float64Array(MAX_POSTS);
  private readonly stepOf = new Int32Array(MAX_POSTS);
  private nextIndex = 0;
  private readonly steps: OpenStep[] = [];
  private readers: AnySocket[] = [];
  private posters: AnySocket[] = [];
  private nextPoster = 0;
  private lastArrival = 0;
  private readonly runTag = randomBytes(6).toString('hex');

  constructor(private readonly options: LoadOptions) {}

  get readerCount(): number {
    return this.readers.length;
  }

  /** Connects (in batches) and joins readers until there are `n`. */
  async growReaders(n: number): Promise<void> {
    while (this.readers.length < n) {
      const batch = Math.min(CONNECT_BATCH, n - this.readers.length);
      const first = this.readers.length;
      const sockets = await Promise.all(Array.from({ length: batch }, (_, i) => this.connectReader(this.urlFor(first + i))));
      this.readers.push(...sockets);
    }
  }

  shrinkReaders(n: number): void {
    for (const socket of this.readers.splice(n)) socket.disconnect();
  }

  /** One poster per server. */
  async connectPoster(): Promise<void> {
    this.posters = await Promise.all(this.options.urls.map((url) => this.connect(url)));
  }

  close(): void {
    this.shrinkReaders(0);
    for (const poster of this.posters) poster.disconnect();
    this.posters = [];
  }

  private urlFor(index: number): string {
    return this.options.urls[index % this.options.urls.length] as string;
  }

  private connect(url: string): Promise<AnySocket> {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: CONNECT_TIMEOUT_MS,
      auth: { site: 'demo' },
      extraHeaders: { origin: url },
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (err) => {
        socket.disconnect();
        reject(new Error(`reader could not connect: ${err.message}`));
      });
    });
  }

  private async connectReader(url: string): Promise<AnySocket> {
    const socket = await this.connect(url);
    socket.on('comment:created', (event: CreatedEvent) => this.onDelivery(event));
    // Rembuk coalesces events that became public together into one frame.
    socket.on('thread:events', (batch: { events: CreatedEvent[] }) => {
      for (const event of batch.events) this.onDelivery(event);
    });
    const joined = await new Promise<Result<unknown>>((resolve, reject) => {
      socket
        .timeout(CONNECT_TIMEOUT_MS)
        .emit('thread:join', { page: PAGE }, (err: Error | null, result: Result<unknown>) =>
          err ? reject(new Error('thread:join timed out')) : resolve(result),
        );
    });
    if (!joined.ok) throw new Error(`thread:join failed: ${joined.error?.code} ${joined.error?.message}`);
    return socket;
  }

  private onDelivery(event: CreatedEvent): void {
    const now = performance.now();
    this.lastArrival = now;
    const text = event.comment.text;
    const index = Number(text.slice(TEXT_PREFIX.length, text.indexOf(' ', TEXT_PREFIX.length)));
    const step = this.steps[this.stepOf[index] ?? -1];
    if (!step || !Number.isInteger(index)) return;
    if (step.open && step.n < step.lat.length) {
      step.lat[step.n++] = now - (this.sentAt[index] ?? now);
      step.lastRecv = now;
    } else {
      step.late += 1;
    }
  }

  /**
   * Posts at `rate` per second for `durationMs`, waits up to `drainMs` for the stragglers,
   * and judges the step. Bounded: at most rate × duration posts, and at most 3× the planned
   * time for sending.
   */
  async runStep(label: string, rate: number, durationMs: number, drainMs: number): Promise<StepResult> {
    if (this.posters.length === 0) throw new Error('connectPoster() first');
    const readers = this.readers.length;
    const total = Math.max(1, Math.round((rate * durationMs) / 1000));
    if (this.nextIndex + total > MAX_POSTS) throw new Error('post budget exhausted');
    const step: OpenStep = {
      open: true,
      lat: new Float32Array(total * readers),
      n: 0,
      late: 0,
      lastRecv: 0,
      ackLat: new Float32Array(total),
      acked: 0,
      errors: {},
    };
    const stepId = this.steps.push(step) - 1;
    const cpu0 = this.options.serverCpuSeconds();
    const redis0 = this.options.redisCpuSeconds?.() ?? 0;
    const machine0 = this.options.machineBusySeconds();
    const load0 = process.cpuUsage();
    const writes0 = this.options.serverWrites?.() ?? 0;

    const t0 = performance.now();
    let sent = 0;
    const sendLimit = t0 + durationMs * 3;
    while (sent < total && performance.now() < sendLimit) {
      const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
      while (sent < due) {
        this.post(this.posters[this.nextPoster++ % this.posters.length] as AnySocket, stepId, step);
        sent += 1;
      }
      const nextDueAt = t0 + (sent * 1000) / rate;
      await sleep(Math.max(1, nextDueAt - performance.now()));
    }
    const sendEnd = performance.now();
    const expected = sent * readers;
    while (step.n < expected && performance.now() < sendEnd + drainMs) await sleep(5);
    step.open = false;
    const t1 = performance.now();
    const cpu1 = this.options.serverCpuSeconds();
    const redis1 = this.options.redisCpuSeconds?.() ?? 0;
    const machine1 = this.options.machineBusySeconds();
    const load1 = process.cpuUsage(load0);
    const writes1 = this.options.serverWrites?.() ?? 0;
    const loadSeconds = (load1.user + load1.system) / 1e6;
    const wall = (t1 - t0) / 1000;

    const lat = percentiles(step.lat.subarray(0, step.n));
    const ack = percentiles(step.ackLat.subarray(0, step.acked));
    const activeSeconds = Math.max(durationMs, (step.lastRecv || t1) - t0) / 1000;
    const deliveredRatio = expected === 0 ? 0 : step.n / expected;
    const errorCount = Object.values(step.errors).reduce((a, b) => a + b, 0);
    const result: StepResult = {
      label,
      readers,
      rate,
      durationMs,
      posts: sent,
      acked: step.acked,
      errors: step.errors,
      expected,
      delivered: step.n,
      late: 0,
      deliveredRatio,
      deliveriesPerSecond: step.n / activeSeconds,
      latencyMs: { p50: lat.p50, p90: lat.p90, p99: lat.p99, max: lat.max },
      ackMs: { p50: ack.p50, p99: ack.p99 },
      serverCpu: (cpu1 - cpu0) / wall,
      redisCpu: (redis1 - redis0) / wall,
      loadCpu: loadSeconds / wall,
      otherCpu: Math.max(0, machine1 - machine0 - (cpu1 - cpu0) - loadSeconds) / wall,
      writesPerDelivery: step.n === 0 || !this.options.serverWrites ? Number.NaN : (writes1 - writes0) / step.n,
      sustained: deliveredRatio >= 0.99 && lat.p99 <= 1_000 && errorCount === 0 && sent === total,
    };
    await this.quiesce();
    result.late = step.late;
    step.lat = new Float32Array(0);
    return result;
  }

  private post(poster: AnySocket, stepId: number, step: OpenStep): void {
    const index = this.nextIndex++;
    this.stepOf[index] = stepId;
    const sentAt = performance.now();
    this.sentAt[index] = sentAt;
    const payload = { page: PAGE, text: `${TEXT_PREFIX}${index} ${FILLER}`, authorName: 'Pembaca Bench', key: `f${this.runTag}-${index}` };
    poster.emit('comment:create', payload, (result: Result<{ comment?: { status?: string } }>) => {
      if (result.ok && result.data?.comment?.status !== 'published') {
        // Held or rejected by moderation: acknowledged, but no reader will receive it.
        const code = `STATUS_${result.data?.comment?.status ?? 'unknown'}`;
        step.errors[code] = (step.errors[code] ?? 0) + 1;
      } else if (result.ok) {
        if (step.acked < step.ackLat.length) step.ackLat[step.acked] = performance.now() - sentAt;
        step.acked += 1;
      } else {
        const code = result.error?.code ?? 'UNKNOWN';
        step.errors[code] = (step.errors[code] ?? 0) + 1;
      }
    });
  }

  /** Waits until no delivery has arrived for 300 ms (at most 5 s), so steps do not overlap. */
  private async quiesce(): Promise<void> {
    const deadline = performance.now() + 5_000;
    while (performance.now() < deadline && performance.now() - this.lastArrival < 300) await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function percentiles(values: Float32Array): { p50: number; p90: number; p99: number; max: number } {
  if (values.length === 0) return { p50: Number.NaN, p90: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = Float32Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}
