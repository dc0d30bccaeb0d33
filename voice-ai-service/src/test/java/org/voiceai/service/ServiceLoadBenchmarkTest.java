package org.voiceai.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.service.tenant.TenantWebFilter;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

/**
 * The service's own cost per request, for docs/benchmarks.md: {@code /chat} at a steady 200 requests/s against a chat
 * model that answers at once (in process, no HTTP), and {@code /synthesize} served from the speech cache. Open loop:
 * each request's latency counts from the moment it was due, so a stall shows up in every request it delays. Not a
 * unit test (timings depend on the machine); it runs only with {@code -Dbench=true}:
 * <pre>
 * ./mvnw -B -o -q test -pl voice-ai-service -Dtest=ServiceLoadBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true
 * </pre>
 * Results are printed and written to {@code voice-ai-service/target/service-load-benchmark.md}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedDefaults
@TestPropertySource(properties = { "voice-ai.service.rate-limits.per-minute.chat=10000000",
		"voice-ai.service.rate-limits.per-minute.synthesize=10000000", "voice-ai.calls.default-limit=100000",
		"logging.level.org.voiceai=WARN" })
class ServiceLoadBenchmarkTest {

	private static final int RATE = Integer.getInteger("bench.rate", 200);

	private static final int WARM_UP_SECONDS = 15;

	private static final int MEASURED_SECONDS = Integer.getInteger("bench.seconds", 30);

	private static final int TURNS_PER_CALL = 10;

	@LocalServerPort
	int port;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	private final StringBuilder report = new StringBuilder();

	@Test
	void chatOverheadAndCachedSynthesis() throws Exception {
		// What the embedded PostgreSQL really runs with: zonky starts it with -F (fsync off) and
		// -c synchronous_commit=off on the command line, which ALTER SYSTEM cannot override.
		String durability = this.database
			.sql("SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync")
			.map((row, metadata) -> "fsync " + row.get("fsync", String.class) + ", synchronous_commit "
					+ row.get("sync", String.class))
			.one()
			.block();
		TestTenants tenants = new TestTenants(this.database);
		DomainId domain = tenants.domain();
		UUID secretary = tenants.secretary(domain, "Ana", null);
		this.providers.insert(domain, new ProviderDraft(ProviderType.LLM, "bench_llm", "instant", Map.of(), true, 0,
				true)).block();
		this.providers.insert(domain, new ProviderDraft(ProviderType.TTS, "bench_tts", "instant", Map.of(), true, 0,
				true)).block();
		// Enough connections for every request in flight: the client must not queue requests the server could take.
		ConnectionProvider connections = ConnectionProvider.builder("bench")
			.maxConnections(2_000)
			.pendingAcquireMaxCount(-1)
			.build();
		WebClient http = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + EmbeddedDefaults.SERVICE_TOKEN)
			.defaultHeader(TenantWebFilter.DOMAIN_HEADER, domain.toString())
			.build();
		report("Machine: %d cores, Java %s, max heap %d MB; load average at start %s; PostgreSQL %s",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), loadAverage(), durability);

		UUID[] warmCalls = calls(RATE * WARM_UP_SECONDS / TURNS_PER_CALL);
		run(RATE, WARM_UP_SECONDS, (i) -> chat(http, warmCalls[i % warmCalls.length], secretary));
		UUID[] calls = calls(RATE * MEASURED_SECONDS / TURNS_PER_CALL);
		Result chat = run(RATE, MEASURED_SECONDS, (i) -> chat(http, calls[i % calls.length], secretary));
		report("`/chat` at %d requests/s for %d s (%d requests, %d calls of %d turns, use_rag=false, instant model): "
				+ "client-side **p50 %.2f ms, p99 %.2f ms**, max %.2f ms; server-reported total_ms p50 %d, p99 %d; "
				+ "errors %s", RATE, MEASURED_SECONDS, chat.latencies.length, calls.length, TURNS_PER_CALL,
				chat.percentile(50), chat.percentile(99), chat.percentile(100), chat.serverPercentile(50),
				chat.serverPercentile(99), chat.errors);
		connections.dispose();

		Map<String, Object> phrase = Map.of("text", "Bom dia, clínica Sorriso. Em que posso ajudar?", "sample_rate",
				8000);
		synthesize(http, phrase).block(Duration.ofSeconds(30));
		run(RATE, 5, (i) -> synthesize(http, phrase));
		Result cached = run(RATE, 15, (i) -> synthesize(http, phrase));
		report("`/synthesize` cache hits at %d requests/s for 15 s (%d requests): client-side **p50 %.2f ms, p99 %.2f "
				+ "ms**, max %.2f ms; server-reported latency_ms p50 %d, p99 %d; errors %s", RATE,
				cached.latencies.length, cached.percentile(50), cached.percentile(99), cached.percentile(100),
				cached.serverPercentile(50), cached.serverPercentile(99), cached.errors);
		report("Load average at end %s", loadAverage());

		System.out.println(this.report);
		Files.writeString(Path.of("target/service-load-benchmark.md"), this.report);
	}

	/** Sends {@code rate} requests per second for {@code seconds}, each due at its own time, and waits for all. */
	private static Result run(int rate, int seconds, IntFunction<Mono<Integer>> request) {
		int count = rate * seconds;
		long periodNanos = 1_000_000_000L / rate;
		long[] latencies = new long[count];
		int[] server = new int[count];
		Map<String, Integer> errors = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		Flux.interval(Duration.ZERO, Duration.ofNanos(periodNanos))
			.take(count)
			.flatMap((tick) -> {
				int i = tick.intValue();
				long due = start + i * periodNanos;
				return request.apply(i).doOnNext((millis) -> server[i] = millis).onErrorResume((error) -> {
					String kind = error.toString();
					errors.merge(kind.substring(0, Math.min(kind.length(), 120)), 1, Integer::sum);
					return Mono.empty();
				}).doFinally((signal) -> latencies[i] = System.nanoTime() - due);
			}, 10_000)
			.blockLast(Duration.ofSeconds(seconds + 120L));
		return new Result(latencies, server, errors);
	}

	private static Mono<Integer> chat(WebClient http, UUID call, UUID secretary) {
		return http.post().uri("/api/v1/chat")
			.bodyValue(Map.of("session_id", call.toString(), "secretary_uuid", secretary.toString(), "user_message",
					"Qual é o horário de atendimento?", "use_rag", false))
			.retrieve()
			.bodyToMono(Map.class)
			.map((reply) -> ((Number) ((Map<?, ?>) reply.get("latency")).get("total_ms")).intValue());
	}

	private static Mono<Integer> synthesize(WebClient http, Map<String, Object> body) {
		return http.post().uri("/api/v1/synthesize")
			.bodyValue(body)
			.retrieve()
			.bodyToMono(Map.class)
			.map((reply) -> ((Number) reply.get("latency_ms")).intValue());
	}

	private static UUID[] calls(int count) {
		UUID[] calls = new UUID[count];
		Arrays.setAll(calls, (i) -> UUID.randomUUID());
		return calls;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (Exception ex) {
			return "unknown";
		}
	}

	private void report(String format, Object... arguments) {
		this.report.append("- ").append(String.format(Locale.ROOT, format, arguments)).append('\n');
	}

	private record Result(long[] latencies, int[] server, Map<String, Integer> errors) {

		/** Client-side milliseconds at percentile {@code p} (nearest rank). */
		double percentile(double p) {
			long[] sorted = this.latencies.clone();
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
		}

		int serverPercentile(double p) {
			int[] sorted = this.server.clone();
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
		}

	}

	/** Chat and speech providers that answer at once, so only the service's own work is measured. */
	@TestConfiguration(proxyBeanMethods = false)
	static class InstantProviders {

		@Bean
		ProviderFactory<ChatModels> instantChatModels() {
			ChatResponse answer = ChatResponse.builder()
				.aiMessage(AiMessage.from("Atendemos de segunda a sexta, das 8h às 18h."))
				.tokenUsage(new TokenUsage(30, 12))
				.build();
			ChatModel blocking = new ChatModel() {
				@Override
				public ChatResponse doChat(ChatRequest request) {
					return answer;
				}
			};
			StreamingChatModel streaming = new StreamingChatModel() {
				@Override
				public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
					handler.onPartialResponse(answer.aiMessage().text());
					handler.onCompleteResponse(answer);
				}
			};
			return factory(ProviderType.LLM, "bench_llm", new ChatModels(blocking, streaming));
		}

		@Bean
		ProviderFactory<TextToSpeech> instantTextToSpeech() {
			TextToSpeech tts = (request) -> Mono.fromSupplier(() -> speech(request));
			return factory(ProviderType.TTS, "bench_tts", tts);
		}

		private static SynthesizedAudio speech(SpeechRequest request) {
			AudioFormat format = (request.sampleRate() == 16000) ? AudioFormat.PCM16_16K : AudioFormat.PCM16_8K;
			byte[] samples = new byte[request.sampleRate() / 5];
			return new SynthesizedAudio(Wav.write(format, samples), request.sampleRate(), Duration.ofMillis(100),
					"bench_tts");
		}

		private static <T> ProviderFactory<T> factory(ProviderType<T> type, String name, T instance) {
			return new ProviderFactory<>() {
				@Override
				public ProviderType<T> type() {
					return type;
				}

				@Override
				public String name() {
					return name;
				}

				@Override
				public Set<String> aliases() {
					return Set.of();
				}

				@Override
				public T create(ProviderConfig config) {
					return instance;
				}
			};
		}

	}

}
