import type { Readable, Writable } from 'node:stream';
import { advanceOutsideDemo, createAdvanceCommand } from '../../adapters/shell/advance-command';
import { createAdapters } from '../../adapters/start-adapters';
import cron from 'node-cron';
import { CheckinScheduler } from '../checkins/checkin-scheduler';
import { DEFAULT_PACING, sharePacing } from '../checkins/pacing';
import type { Config } from '../config/config-schema';
import { enabledPlatforms } from '../config/load-config';
import type { ConversationCore } from '../conversation/conversation-core';
import { type CoreDeps, coreSettings } from '../conversation/core-deps';
import type { Platform } from '../conversation/incoming-message';
import { LoadMeter } from '../conversation/load-meter';
import { createCore } from '../conversation/create-core';
import type { Knowledge } from '../knowledge/knowledge-schema';
import { watchKnowledgeFolder } from './knowledge-folder-watcher';
import { refreshPins } from '../moderation/pin-service';
import { QUESTION_RETENTION_DAYS } from '../store/question-log';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { KnowledgeState } from '../knowledge/knowledge-state';
import type { Logger } from '../logging/logger';
import type { AdapterRegistry } from '../platform/adapter';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import type { Clock } from '../time/clock';
import { countPlatformErrors } from '../ops/count-platform-errors';
import { countReplies } from '../ops/count-replies';
import { createMetrics, type Metrics, observeReliability } from '../ops/metrics';
import { opsHttpPlan } from '../ops/ops-http-plan';
import { opsRoutes } from '../ops/ops-routes';
import { type OpsServer, startOpsServer } from '../ops/ops-server';
import { recordReload, recordTick } from '../ops/record-outcomes';
import { infoReply } from '../conversation/reply';

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  input: Readable;
  output: Writable;
  interactive: boolean;
  /** PORT was set explicitly: the terminal chat alone then serves /healthz, /readyz and /metrics too. */
  portSet?: boolean;
  /**
   * The terminal demo (main.ts --demo): the terminal chat alone, on a throwaway database, with /advance to move
   * the clock. Elsewhere time is real, so /advance only says where it lives.
   */
  demo?: boolean;
  /** Prometheus metrics; a fresh registry when not given. */
  metrics?: Metrics;
  /**
   * Called once when the bot cannot go on (the database file was deleted or replaced under it); main.ts stops the
   * app and exits 1. Without it the error is only logged.
   */
  onFatal?: (error: Error) => void;
  /** How often the database file's identity is checked (ms). */
  fileCheckMs?: number;
}

/** Said to anyone whose message arrives while the bot is stopping. */
export const SHUTTING_DOWN = 'I am restarting. Please ask again in a minute.';

/** Often enough that little is written into a deleted file, rarely enough to cost nothing. */
const FILE_CHECK_MS = 5000;

export interface RunningApp {
  core: ConversationCore;
  store: Store;
  knowledge: KnowledgeState;
  adapters: AdapterRegistry;
  /** Resolves when the terminal chat's input ends; null when no shell runs. */
  shellFinished: Promise<void> | null;
  /** Sends due check-ins; its cron task runs from start until stop(). */
  scheduler: CheckinScheduler;
  metrics: Metrics;
  /** Where /healthz, /readyz and /metrics answer (Slack's port in HTTP mode); undefined when not served. */
  opsPort(): number | undefined;
  stop(): Promise<void>;
}

function enabledList(platforms: ReturnType<typeof enabledPlatforms>): Platform[] {
  return (['shell', 'discord', 'slack'] as const).filter((p) => platforms[p]);
}

/** Whether `work` finished before `deadline` (epoch ms); it is not cancelled, only no longer waited for. */
async function within(deadline: number, work: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work().then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function canAdvance(clock: Clock): clock is Clock & { advance(ms: number): void } {
  return typeof (clock as { advance?: unknown }).advance === 'function';
}

/** Wires config, knowledge, store, core and adapters, and starts them. Throws KnowledgeError on a bad pack. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger, clock } = options;
  const knowledge = new KnowledgeState(loadKnowledge(config.KNOWLEDGE_DIR));
  const store = await openStore(config);
  const adapters: AdapterRegistry = new Map();
  const deps: CoreDeps = { settings: coreSettings(config), knowledge, store, clock, logger, adapters, load: new LoadMeter(config.MAX_PENDING_EVENTS) };
  const metrics = options.metrics ?? createMetrics();
  observeReliability(metrics, deps.load, store);
  const core = createCore(deps);
  core.use(countReplies(metrics));
  // Once stopping, intake ends: a message that still arrives gets a short note instead of starting new work.
  let accepting = true;
  core.use(async (turn, next) => {
    if (accepting) return next();
    turn.route = 'shutting down';
    turn.reply = infoReply(SHUTTING_DOWN, { kind: 'error', ephemeral: true });
  });
  const scheduler = new CheckinScheduler({
    store,
    knowledge,
    clock,
    logger: logger.child({ component: 'checkins' }),
    adapters,
    cron: config.CHECKIN_CRON,
    onTick: (result, seconds) => recordTick(metrics, result, seconds),
    onStoreError: (operation) => metrics.storeErrors.inc({ operation }),
    load: deps.load,
  }, { pacing: sharePacing(DEFAULT_PACING, config.CHECKIN_SENDERS) });
  // /advance moves the clock for the whole process and dates what is written by it: only in the demo, which runs the
  // terminal chat alone on a throwaway database (main.ts), never on a real one.
  const platforms = enabledPlatforms(config);
  const advance =
    options.demo && platforms.shell && !platforms.discord && !platforms.slack && canAdvance(clock)
      ? createAdvanceCommand({
          clock,
          tick: (now) => scheduler.tick(now),
          nextDue: (after, until) => store.checkins.scheduled.nextPendingDue(after, until),
          zone: config.DEFAULT_TIMEZONE,
        })
      : null;

  const routes = opsRoutes({ platforms: enabledList(platforms), adapters, store, knowledge, clock, metrics });
  const opsPlan = opsHttpPlan(config, options.portSet ?? false);
  const created = await createAdapters({
    ...options,
    core,
    logger,
    localCommand: advance?.localCommand ?? advanceOutsideDemo,
    httpRoutes: opsPlan === 'slack' ? routes : undefined,
    onRateLimited: (platform) => metrics.platformRateLimits.inc({ platform }),
    firstSeen: (platform, eventId) => store.events.firstSeen(platform, eventId, clock.now().getTime()),
  });
  for (const adapter of created.adapters) adapters.set(adapter.platform, countPlatformErrors(adapter, metrics));
  // All start together (the ops server too); if one fails, those that did start are stopped again (and the store
  // closed) before the first failure is thrown, so nothing is left connected or listening behind a bot that exits.
  let opsServer: OpsServer | null = null;
  const starts: Promise<unknown>[] = created.adapters.map((a) => a.start());
  if (opsPlan === 'own') starts.push(startOpsServer(routes, config.PORT).then((server) => (opsServer = server)));
  const started = await Promise.allSettled(starts);
  const failures = started.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failures.length > 0) {
    await Promise.allSettled(created.adapters.filter((_, i) => started[i]?.status === 'fulfilled').map((a) => a.stop()));
    await (opsServer as OpsServer | null)?.close();
    await store.close();
    for (const extra of failures.slice(1)) logger.error({ reason: (extra as Error)?.message ?? String(extra) }, 'another adapter failed to start');
    throw failures[0];
  }

  // Living pins: an edit of the pack reloads it, and pinned answers follow (also once now, for edits made while down).
  let pinRefresh = Promise.resolve();
  const refresh = (next: Knowledge) => {
    pinRefresh = pinRefresh
      .then(() => refreshPins(deps, next))
      .then((outcome) => logger[outcome.edited + outcome.removed + outcome.failed > 0 ? 'info' : 'debug'](outcome, 'pinned answers refreshed'))
      .catch((error: unknown) => logger.error({ err: error }, 'refreshing pinned answers failed'));
  };
  knowledge.onReplace(refresh);
  refresh(knowledge.knowledge);
  const watcher = watchKnowledgeFolder(knowledge, config.KNOWLEDGE_DIR, logger, { onReload: (result) => recordReload(metrics, result) });
  // Question records live 30 days: pruned now and every hour while the bot runs.
  const prune = () =>
    store.questions
      .prune(new Date(clock.now().getTime() - QUESTION_RETENTION_DAYS * 86_400_000))
      .catch((error: unknown) => logger.warn({ err: error }, 'pruning old question records failed'));
  void prune();
  const pruneTask = cron.schedule('17 * * * *', prune, { noOverlap: true });
  scheduler.start();
  // A database file deleted or replaced under the running bot would swallow every later write: fail loudly.
  let fatal = false;
  const fileCheck = setInterval(() => {
    try {
      store.verifyFile();
    } catch (error) {
      if (fatal) return;
      fatal = true;
      logger.fatal({ reason: (error as Error).message }, 'database file lost');
      options.onFatal?.(error as Error);
    }
  }, options.fileCheckMs ?? FILE_CHECK_MS);
  fileCheck.unref();
  // Alone in a terminal the chat is the interface: keep the start line out of the person's way.
  const startLevel = adapters.size === 1 && adapters.has('shell') ? 'debug' : 'info';
  logger[startLevel](
    { platforms: [...adapters.keys()], store: store.kind, knowledgeVersion: knowledge.knowledge.version, entries: knowledge.knowledge.entries.length },
    'aftercare-bot started',
  );

  let stopped = false;
  return {
    core,
    store,
    knowledge,
    adapters,
    shellFinished: created.shell?.finished ?? null,
    scheduler,
    metrics,
    opsPort: () => opsServer?.port ?? (opsPlan === 'slack' ? (adapters.get('slack') as { port?: number } | undefined)?.port : undefined),
    async stop() {
      if (stopped) return;
      stopped = true;
      accepting = false;
      clearInterval(fileCheck);
      watcher.close();
      // In-flight replies and check-in sends finish while the platforms are still connected, within the grace
      // period (a reply stuck behind a long 429 would otherwise hold the process for minutes); what is still
      // running then is abandoned: a check-in's lease returns it to pending, and its nonce/look-back stops a double.
      const deadline = Date.now() + config.SHUTDOWN_GRACE_SECONDS * 1000;
      const drained = await within(deadline, async () => {
        await pruneTask.stop();
        await Promise.all([scheduler.stop(), core.idle(), pinRefresh]);
      });
      if (!drained) logger.warn({ graceSeconds: config.SHUTDOWN_GRACE_SECONDS }, 'grace period over: abandoning work still in flight');
      await within(Math.max(deadline, Date.now() + 2000), () => Promise.allSettled(created.adapters.map((a) => a.stop())));
      await opsServer?.close();
      await store.close();
    },
  };
}
