package org.voiceai.realtime;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.realtime.call.CallRegistry;
import org.voiceai.realtime.call.CallSession;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;
import org.voiceai.testing.EmbeddedDefaults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The bridge under load, for docs/benchmarks.md. Not a unit test (its figures depend on the machine and on whoever
 * else is using it): it runs only with {@code -Dbench=true}, and its name keeps it out of the normal test run.
 * <pre>
 * ./mvnw -B -o -q test -pl voice-ai-realtime -Dtest=RealtimeLoadBenchmark -Dbench=true \
 *   [-Dbench.calls=25,50,100,200] [-Dbench.seconds=30] [-Dbench.provider=openai|gemini|elevenlabs|custom] \
 *   [-Dbench.split=true [-Dbench.pin=true]] [-Dbench.arrivals=20]
 * </pre>
 * For each N: N mod_audio_stream emulators (raw return mode, 8 kHz, 20 ms frames with FreeSWITCH's jitter) call one
 * domain whose realtime provider is a fake ({@link LoadProvider}). Every caller says something for
 * {@value LoadCallers#SPEECH_MILLIS} ms every {@value LoadCallers#CYCLE_MILLIS} ms (each call at its own phase); the
 * fake's energy VAD ends the turn and answers with {@value LoadProvider#REPLY_MILLIS} ms of audio. The callers and
 * the fake run in this JVM, or with {@code bench.split} in a process of their own ({@link RemoteLoadCallers}), which
 * {@code bench.pin} puts on CPU 1 while this JVM moves to CPU 0. After the calls are up and a warm-up, it measures for
 * the given seconds. Calls arrive {@code bench.arrivals} per second (default 20; 0 for all at once): 200 calls
 * holding three minutes each arrive about once a second, so 20 a second is already a hard case, while all 200 in
 * the same instant is a burst no switch produces.
 * <ul>
 * <li>added latency, from the bridge's own timers {@code voiceai.realtime.latency.inbound} (caller frame received →
 * its audio message handed to the provider socket) and {@code .outbound} (audio received from the provider → its
 * first frame handed to FreeSWITCH's socket, for audio the pacer may send at once); percentiles from SLO buckets
 * configured here (5 µs steps below 100 µs), counted over the measured window only;</li>
 * <li>underruns and late frames from every call's pacer in the window and since the first call arrived, with the
 * Prometheus counters after hang-up (which include the full GCs of the heap measurement), beside the replies the
 * provider fake itself sent late in the window (OpenAI fake only);</li>
 * <li>CPU of this JVM, split by thread name into the bridge's threads, the harness's and the JVM's own (GC, JIT);
 * of the harness process when split; and of the whole machine, from /proc/stat;</li>
 * <li>heap per call: heap used after a full GC with N calls up, minus the same before they connected, / N (in one
 * JVM this includes the emulators' and the fake's per-call objects, so it overstates the bridge's own share).</li>
 * </ul>
 * Results are printed and written to {@code voice-ai-realtime/target/realtime-load-benchmark-<provider>[-split].md}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.voiceai.realtime=WARN", "voice-ai.realtime.return-mode=raw" })
@EmbeddedDefaults
@AutoConfigureMetrics
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RealtimeLoadBenchmark {

	static final Duration WARM_UP = Duration.ofSeconds(8);

	static final int ARRIVALS_PER_SECOND = Integer.getInteger("bench.arrivals", 20);

	/** The machine's CPUs, counted before {@code bench.pin} confines this JVM to one of them. */
	static final int CPUS = Runtime.getRuntime().availableProcessors();

	static final LoadCallers callers = LoadCallers.start(System.getProperty("bench.provider", "openai"),
			Boolean.getBoolean("bench.split"), Boolean.getBoolean("bench.pin"));

	static final FakeFreeSwitchEsl esl = FakeFreeSwitchEsl.start().trackChannels();

	static final WireMockServer service = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final StallProbe stalls = StallProbe.start();

	/** SLO buckets in microseconds: fine below 2 ms, where the target is. */
	static final long[] BUCKETS_MICROS = buckets();

	static {
		service.start();
		service.stubFor(any(urlPathMatching("/api/v1/conversations/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	@DynamicPropertySource
	static void fakes(DynamicPropertyRegistry registry) {
		registry.add("voice-ai.esl.port", esl::port);
		registry.add("voice-ai.realtime.service-url", service::baseUrl);
		// A loaded machine opens hundreds of sessions slowly; @EmbeddedDefaults' 2 s limit would refuse some.
		registry.add("voice-ai.providers.attempt-timeout", () -> "30s");
		registry.add("voice-ai.realtime.provider-connect-timeout", () -> "20s");
		registry.add("voice-ai.providers.circuit-breaker.minimum-number-of-calls", () -> "100000");
		registry.add("management.metrics.distribution.slo.voiceai.realtime.latency",
				() -> Arrays.stream(BUCKETS_MICROS).mapToObj((us) -> us + "us").collect(Collectors.joining(",")));
	}

	@AfterAll
	static void stopFakes() throws Exception {
		callers.close();
		esl.close();
		service.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@Autowired
	CallRegistry calls;

	@Autowired
	MeterRegistry meters;

	private final StringBuilder report = new StringBuilder();

	@Test
	void concurrentCalls() throws Exception {
		int[] counts = Arrays.stream(System.getProperty("bench.calls", "25,50,100,200").split(","))
			.mapToInt((n) -> Integer.parseInt(n.trim()))
			.toArray();
		Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		line("# Realtime bridge load benchmark");
		line("");
		boolean split = callers.processCpuNanos() >= 0;
		line("%s; provider %s (%s); callers and provider fake %s; %d CPUs, Java %s, max heap %d MB; %s s measured "
				+ "per N after %s s warm-up; load average %.2f at start", Instant.now(), callers.provider(),
				callers.row().providerName(), split ? "in a process of their own" + (Boolean.getBoolean("bench.pin")
						? ", pinned to CPU 1 (this JVM to CPU 0)" : "") : "in this JVM",
				CPUS, System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20, measured.toSeconds(), WARM_UP.toSeconds(),
				os.getSystemLoadAverage());
		line("");
		// JIT warm-up, not reported.
		run(Math.min(25, counts[0]), Duration.ofSeconds(5));
		line("| calls | in p50 | in p99 | in max | out p50 | out p99 | out max | samples in/out "
				+ "| underruns: window / since arrival (Prometheus) | replies late at the fake "
				+ "| late frames: window / since arrival (Prometheus) | stalls ≥ 50 ms (longest) | frames sent / heard | CPU this JVM "
				+ "| CPU bridge / harness / JVM "
				+ "| bridge CPU per call | CPU harness process | CPU machine | GC pauses | heap per call |");
		line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (int n : counts) {
			line("%s", run(n, measured).row());
		}
		line("");
		line("Load average at the end: %.2f. Latency in µs; CPU in %% of all %d CPUs.", os.getSystemLoadAverage(),
				CPUS);
		line("CPU bridge / harness / JVM: thread CPU time by thread name (%s), in %% of all CPUs; \"JVM\" is the "
				+ "process's CPU outside Java threads (GC, JIT compilers). Bridge CPU per call: %% of one core.",
				ThreadGroup.describe());
		line("Replies late at the fake: streamed replies with a delta that left the provider fake after its own playback "
				+ "time, counted from the reply's first delta: gaps no bridge could prevent (– for fakes that send a whole "
				+ "reply at once).");
		line("Underruns and late frames: in the window / from the first call's arrival to the window's end (arrivals, "
				+ "warm-up and window); in parentheses the Prometheus counters, reported as each call ends, which also "
				+ "count the full GCs forced with every call up to measure the heap. Calls arrived %s. Replies late at "
				+ "the fake: in the window.", (ARRIVALS_PER_SECOND > 0) ? ARRIVALS_PER_SECOND + " a second"
						: "all at once");
		line("Stalls: times a thread of this JVM that asks to wake every %d ms woke %d ms or more after its previous "
				+ "wake-up (GC pauses, the OS scheduler, a busy machine), during the window.", StallProbe.PERIOD_MILLIS,
				StallProbe.STALL_MILLIS);
		System.out.println(this.report);
		Files.writeString(Path.of("target/realtime-load-benchmark-" + callers.provider() + (split ? "-split" : "")
				+ ".md"), this.report);
	}

	private Result run(int n, Duration measured) throws Exception {
		CallFixture fixture = CallFixture.create(this.database, this.providers, callers.row(),
				service.baseUrl() + "/v1");
		callers.companions().forEach((row) -> fixture.replace(this.providers, row));
		fixture.limitConcurrentCalls(10_000);
		String domain = fixture.domain.value().toString();
		long heapBefore = heapAfterGc();
		List<UUID> ids = new ArrayList<>();
		Random phases = new Random(n);
		long firstArrival = System.nanoTime();
		for (int i = 0; i < n; i++) {
			if (ARRIVALS_PER_SECOND > 0) {
				long due = firstArrival + i * 1_000_000_000L / ARRIVALS_PER_SECOND;
				Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
			}
			UUID call = UUID.randomUUID();
			esl.addChannel(call.toString());
			callers.call(fixture.streamUri(this.port, call, "raw"), 2000 + phases.nextInt(LoadCallers.CYCLE_MILLIS));
			ids.add(call);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (sessions(ids).size() < n && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		Thread.sleep(WARM_UP.toMillis());
		int opened = sessions(ids).size();

		// Gaps are counted in the window only: the calls' set-up (connections, JIT) and the forced GCs that measure
		// the heap afterwards stall every call at once, which says nothing about steady-state playout.
		long[] pacersAtStart = pacerCounts(ids);
		long lateAtFakeAtStart = callers.providerLateReplies();
		Snapshot start = snapshot(domain);
		stalls.restart();
		Thread.sleep(measured.toMillis());
		Snapshot end = snapshot(domain);
		long[] pacersAtEnd = pacerCounts(ids);
		long lateAtFake = (lateAtFakeAtStart < 0) ? -1 : callers.providerLateReplies() - lateAtFakeAtStart;
		long[] stalled = stalls.read();
		long heapWithCalls = heapAfterGc();
		long underruns = pacersAtEnd[0] - pacersAtStart[0];
		long lateFrames = pacersAtEnd[1] - pacersAtStart[1];
		long underrunsSinceArrival = pacersAtEnd[0];
		long lateFramesSinceArrival = pacersAtEnd[1];
		callers.hangUp();
		deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!sessions(ids).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		int stillActive = sessions(ids).size();
		// The pacers' counters reach Prometheus when each call ends.
		long reportedUnderruns = (long) counter("voiceai.realtime.underruns", domain);
		long reportedLate = (long) counter("voiceai.realtime.late.frames", domain);
		if (stillActive > 0) {
			line("N=%d: %d calls still active 30 s after hang-up", n, stillActive);
		}
		return new Result(n, opened, end.inbound.minus(start.inbound), end.outbound.minus(start.outbound), underruns,
				lateFrames, underrunsSinceArrival, lateFramesSinceArrival, reportedUnderruns, reportedLate, end.framesHeard - start.framesHeard,
				end.framesOut - start.framesOut, start, end, (heapWithCalls - heapBefore) / Math.max(1, opened),
				stalled[0], stalled[1], lateAtFake);
	}

	/** Underruns and late frames so far, summed over the calls' pacers. */
	private long[] pacerCounts(List<UUID> ids) {
		long[] counts = new long[2];
		for (CallSession session : sessions(ids)) {
			counts[0] += session.underruns();
			counts[1] += session.lateFrames();
		}
		return counts;
	}

	private List<CallSession> sessions(List<UUID> ids) {
		return this.calls.active().stream().filter((s) -> ids.contains(s.context().callUuid())).toList();
	}

	private Snapshot snapshot(String domain) throws IOException {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long gcCount = 0;
		long gcMillis = 0;
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			gcCount += gc.getCollectionCount();
			gcMillis += gc.getCollectionTime();
		}
		long heard = callers.heard();
		return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), ThreadCpu.now(), callers.processCpuNanos(),
				machineTicks(), gcCount, gcMillis,
				Histogram.of(timer("voiceai.realtime.latency.inbound", domain)),
				Histogram.of(timer("voiceai.realtime.latency.outbound", domain)), heard,
				(long) counter("voiceai.realtime.frames.out", domain));
	}

	private Timer timer(String name, String domain) {
		return this.meters.find(name).tag("domain", domain).timer();
	}

	private double counter(String name, String domain) {
		Counter counter = this.meters.find(name).tag("domain", domain).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** busy and total jiffies of the whole machine, from the first line of /proc/stat. */
	private static long[] machineTicks() throws IOException {
		String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long total = 0;
		for (int i = 1; i < fields.length && i <= 8; i++) {
			total += Long.parseLong(fields[i]);
		}
		long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
		return new long[] { total - idle, total };
	}

	private static long heapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private void line(String format, Object... args) {
		this.report.append(String.format(Locale.ROOT, format, args)).append('\n');
	}

	private static long[] buckets() {
		List<Long> micros = new ArrayList<>();
		IntStream.iterate(5, (us) -> us <= 100, (us) -> us + 5).forEach((us) -> micros.add((long) us));
		IntStream.iterate(110, (us) -> us <= 500, (us) -> us + 10).forEach((us) -> micros.add((long) us));
		IntStream.iterate(550, (us) -> us <= 2000, (us) -> us + 50).forEach((us) -> micros.add((long) us));
		IntStream.iterate(2500, (us) -> us <= 10_000, (us) -> us + 500).forEach((us) -> micros.add((long) us));
		// The last bucket holds everything, so counts come from one snapshot of the buckets (a separate count() read
		// would race with recording and show phantom outliers).
		for (long ms : new long[] { 12, 15, 20, 30, 50, 100, 200, 500, 1000, 5000, 3_600_000 }) {
			micros.add(ms * 1000);
		}
		return micros.stream().mapToLong(Long::longValue).toArray();
	}

	/** Bucket counts (not cumulative) over {@link #BUCKETS_MICROS}, plus the samples above the last bucket. */
	record Histogram(long[] counts, long total) {

		static final Histogram EMPTY = new Histogram(new long[BUCKETS_MICROS.length], 0);

		static Histogram of(Timer timer) {
			if (timer == null) {
				return EMPTY;
			}
			CountAtBucket[] buckets = timer.takeSnapshot().histogramCounts();
			long[] counts = new long[BUCKETS_MICROS.length];
			for (CountAtBucket bucket : buckets) {
				int index = Arrays.binarySearch(BUCKETS_MICROS, Math.round(bucket.bucket(TimeUnit.MICROSECONDS)));
				if (index >= 0) {
					counts[index] = (long) bucket.count();
				}
			}
			// Prometheus histograms are cumulative ("le"): turn them into per-bucket counts.
			for (int i = counts.length - 1; i > 0; i--) {
				counts[i] -= counts[i - 1];
			}
			return new Histogram(counts, Arrays.stream(counts).sum());
		}

		Histogram minus(Histogram earlier) {
			long[] counts = new long[this.counts.length];
			for (int i = 0; i < counts.length; i++) {
				counts[i] = this.counts[i] - earlier.counts[i];
			}
			return new Histogram(counts, this.total - earlier.total);
		}

		/** The upper bound of the bucket holding quantile {@code q}, in µs ("&gt;5000000" above the last bucket). */
		String quantile(double q) {
			if (this.total == 0) {
				return "–";
			}
			long rank = (long) Math.ceil(q * this.total);
			long seen = 0;
			for (int i = 0; i < this.counts.length; i++) {
				seen += this.counts[i];
				if (seen >= rank) {
					return "≤ " + BUCKETS_MICROS[i];
				}
			}
			return "> " + BUCKETS_MICROS[BUCKETS_MICROS.length - 1];
		}

		String max() {
			if (this.total == 0) {
				return "–";
			}
			long inBuckets = Arrays.stream(this.counts).sum();
			if (inBuckets < this.total) {
				return "> " + BUCKETS_MICROS[BUCKETS_MICROS.length - 1];
			}
			for (int i = this.counts.length - 1; i >= 0; i--) {
				if (this.counts[i] > 0) {
					return "≤ " + BUCKETS_MICROS[i];
				}
			}
			return "–";
		}

	}

	record Snapshot(long nanos, long processCpu, ThreadCpu threads, long harnessProcessCpu, long[] machine,
			long gcCount, long gcMillis,
			Histogram inbound, Histogram outbound, long framesHeard, long framesOut) {

	}

	/**
	 * A thread that wakes every {@value #PERIOD_MILLIS} ms like the pacing clock and counts the times it woke
	 * {@value #STALL_MILLIS} ms or more after its previous wake-up: a tick that late finds FreeSWITCH's buffer (the
	 * pacer's 60 ms lead) run dry. It tells whether late frames come from the JVM and the machine stalling threads
	 * or from the bridge itself.
	 */
	static final class StallProbe {

		static final int PERIOD_MILLIS = 10;

		static final int STALL_MILLIS = 50;

		private long stalls;

		private long longest;

		static StallProbe start() {
			StallProbe probe = new StallProbe();
			Thread thread = new Thread(probe::run, "bench-stall-probe");
			thread.setDaemon(true);
			thread.start();
			return probe;
		}

		synchronized void restart() {
			this.stalls = 0;
			this.longest = 0;
		}

		/** Stalls and the longest gap in µs since {@link #restart()}. */
		synchronized long[] read() {
			return new long[] { this.stalls, this.longest / 1000 };
		}

		private void run() {
			long previous = System.nanoTime();
			while (true) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
				long now = System.nanoTime();
				record(now - previous);
				previous = now;
			}
		}

		private synchronized void record(long gap) {
			if (gap >= TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
				this.stalls++;
			}
			this.longest = Math.max(this.longest, gap);
		}

	}

	/** Which side of the benchmark a thread works for, by its name. */
	enum ThreadGroup {

		/**
		 * The bridge: its WebSocket server for FreeSWITCH (Spring's {@code webflux-http}), Reactor Netty's shared
		 * loops (its provider sockets and the WebClient to voice-ai-service; the fakes have loops of their own), the
		 * pacing clock, ESL and R2DBC ({@code reactor-tcp}), Reactor's schedulers, and the JDK HTTP client under the
		 * custom pipeline's chat model ({@code HttpClient-}).
		 */
		BRIDGE("webflux-http", "reactor-http", "reactor-tcp", "voice-ai-pacing", "boundedElastic", "parallel",
				"HttpClient-"),

		/**
		 * The harness: the mod_audio_stream emulators (one sender for all, a Java-WebSocket reader and writer per
		 * call), the provider fakes, WireMock as voice-ai-service ({@code qtp}), the ESL fake, the benchmark itself.
		 */
		HARNESS("mod-audio-stream-emulator", "WebSocketWriteThread", "WebSocketConnectReadThread", "openai-fake",
				"gemini-fake", "elevenlabs-fake", "deepgram-fake", "qtp", "fake-esl", "bench-", "main"),

		OTHER;

		private final List<String> prefixes;

		ThreadGroup(String... prefixes) {
			this.prefixes = List.of(prefixes);
		}

		static ThreadGroup of(String name) {
			for (ThreadGroup group : values()) {
				if (group.prefixes.stream().anyMatch(name::startsWith)) {
					return group;
				}
			}
			return OTHER;
		}

		static String describe() {
			return Arrays.stream(values())
				.filter((group) -> !group.prefixes.isEmpty())
				.map((group) -> group.name().toLowerCase(Locale.ROOT) + ": " + String.join(", ", group.prefixes))
				.collect(Collectors.joining("; "));
		}

	}

	/** CPU time of every live Java thread, by id, with its group. */
	record ThreadCpu(Map<Long, Long> nanos, Map<Long, ThreadGroup> groups) {

		static ThreadCpu now() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			Map<Long, Long> nanos = new HashMap<>();
			Map<Long, ThreadGroup> groups = new HashMap<>();
			for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info == null) {
					continue;
				}
				long cpu = threads.getThreadCpuTime(info.getThreadId());
				if (cpu >= 0) {
					nanos.put(info.getThreadId(), cpu);
					groups.put(info.getThreadId(), ThreadGroup.of(info.getThreadName()));
				}
			}
			return new ThreadCpu(nanos, groups);
		}

		/** CPU per group since {@code earlier}; threads that started since count from zero, ended ones are lost. */
		Map<ThreadGroup, Long> since(ThreadCpu earlier) {
			Map<ThreadGroup, Long> used = new LinkedHashMap<>();
			for (ThreadGroup group : ThreadGroup.values()) {
				used.put(group, 0L);
			}
			this.nanos.forEach((id, cpu) -> used.merge(this.groups.get(id), cpu - earlier.nanos.getOrDefault(id, 0L),
					Long::sum));
			return used;
		}

	}

	record Result(int calls, int opened, Histogram inbound, Histogram outbound, long underruns, long lateFrames,
			long underrunsSinceArrival, long lateFramesSinceArrival, long reportedUnderruns, long reportedLate, long framesHeard, long framesOut, Snapshot start, Snapshot end,
			long heapPerCall, long stalls, long longestStallMicros, long lateAtFake) {

		String row() {
			int cpus = CPUS;
			double wall = this.end.nanos() - this.start.nanos();
			long processCpu = this.end.processCpu() - this.start.processCpu();
			Map<ThreadGroup, Long> groups = this.end.threads().since(this.start.threads());
			long bridge = groups.get(ThreadGroup.BRIDGE);
			long harness = groups.get(ThreadGroup.HARNESS) + groups.get(ThreadGroup.OTHER);
			long jvmInternal = Math.max(0, processCpu - groups.values().stream().mapToLong(Long::longValue).sum());
			double machine = 100.0 * (this.end.machine()[0] - this.start.machine()[0])
					/ (this.end.machine()[1] - this.start.machine()[1]);
			return String.format(Locale.ROOT,
					"| %s | %s | %s | %s | %s | %s | %s | %d / %d | %d / %d (%d) | %s | %d / %d (%d) | %d (%.0f ms) | %d / %d | %.0f %% "
							+ "| %.0f / %.0f / %.0f %% | %.2f %% | %s | %.0f %% | %d (%d ms) | %.2f MB |",
					(this.opened == this.calls) ? Integer.toString(this.calls) : this.opened + " of " + this.calls,
					this.inbound.quantile(0.5), this.inbound.quantile(0.99), this.inbound.max(),
					this.outbound.quantile(0.5), this.outbound.quantile(0.99), this.outbound.max(),
					this.inbound.total(), this.outbound.total(), this.underruns, this.underrunsSinceArrival,
					this.reportedUnderruns, (this.lateAtFake < 0) ? "–" : Long.toString(this.lateAtFake), this.lateFrames,
					this.lateFramesSinceArrival, this.reportedLate, this.stalls, this.longestStallMicros / 1000.0, this.framesOut,
					this.framesHeard,
					100.0 * processCpu / (wall * cpus), 100.0 * bridge / (wall * cpus), 100.0 * harness / (wall * cpus),
					100.0 * jvmInternal / (wall * cpus), 100.0 * bridge / (wall * Math.max(1, this.opened)),
					(this.start.harnessProcessCpu() < 0) ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0
							* (this.end.harnessProcessCpu() - this.start.harnessProcessCpu()) / (wall * cpus)),
					machine,
					this.end.gcCount() - this.start.gcCount(), this.end.gcMillis() - this.start.gcMillis(),
					this.heapPerCall / (1024.0 * 1024.0));
		}

	}

}
