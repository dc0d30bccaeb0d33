package org.voiceai.realtime.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.manager.NoUsableProviderException;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.realtime.TestCalls;
import org.voiceai.realtime.audio.AudioConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call whose provider fails mid-call, on a clock the test moves: the caller hears the holding phrase, the call
 * moves to the domain's next realtime provider with the conversation so far, each provider is tried once, and
 * without one that works the caller hears the apology and the call ends.
 */
class CallSessionFailoverTest {

	static final long MILLI = 1_000_000L;

	final AtomicLong now = new AtomicLong(1_000_000 * MILLI);

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final List<String> spoken = new CopyOnWriteArrayList<>();

	final CallSides sides = new CallSides();

	/** The domain's realtime rows in the provider manager's order: name → what opening it gives. */
	final Map<String, Row> rows = new LinkedHashMap<>();

	final List<RealtimeSessionSpec> opened = new ArrayList<>();

	final ScriptedConversation first = new ScriptedConversation(AudioFormat.PCM16_24K);

	CallSession session;

	@BeforeEach
	void aCallOnTheFirstProvider() {
		row("openai_realtime", Mono.just(this.first));
	}

	@Test
	void aDroppedProviderHandsTheCallToTheNextWithTheConversationSoFar() {
		ScriptedConversation gemini = new ScriptedConversation(AudioFormat.PCM16_16K);
		row("gemini", Mono.just(gemini));
		start();
		this.first.emit(new ProviderEvent.Transcript(false, "Bom dia!", true));
		this.first.emit(new ProviderEvent.Transcript(true, "Qual o horário?", true));

		this.first.drop();

		assertThat(this.spoken).containsExactly("Um momento, por favor.");
		assertThat(this.opened).hasSize(2);
		assertThat(this.opened.get(1).history()).containsExactly(RealtimeSessionSpec.Turn.agent("Bom dia!"),
				RealtimeSessionSpec.Turn.caller("Qual o horário?"));
		assertThat(this.session.state()).isEqualTo(CallState.LISTENING);
		assertThat(this.session.context().provider()).isEqualTo("gemini");
		assertThat(this.first.isClosed()).isTrue();
		// The caller's question had no answer: the new provider is asked to give it.
		assertThat(gemini.requests).singleElement().asString().contains("Qual o horário?");
		assertThat(this.sides.recorded).containsExactly("openai_realtime:agent:Bom dia!",
				"openai_realtime:caller:Qual o horário?", "gemini:switched from openai_realtime: the provider closed "
						+ "the session");
		assertThat(this.registry.counter("voiceai.realtime.failovers", "domain",
				this.session.context().domain().value().toString(), "from", "openai_realtime", "to", "gemini")
			.count()).isEqualTo(1);

		// The new provider's audio is converted from its own format (16 kHz) to the call's 8 kHz.
		gemini.emit(new ProviderEvent.AudioDelta(new byte[32 * 400]));
		gemini.emit(new ProviderEvent.ResponseDone());
		gemini.emit(new ProviderEvent.Transcript(false, "Das 8h às 18h.", true));
		this.session.onCallerAudio(new byte[320]);
		advanceMillis(1500);
		// 500 ms of holding phrase, then the 400 ms answer, in 20 ms frames.
		assertThat(this.sides.frames.get()).isEqualTo(45);
		// The caller's 8 kHz goes to the new provider at its 16 kHz.
		assertThat(gemini.audioBytes.get())
			.isEqualTo(new AudioConverter(AudioFormat.PCM16_8K, AudioFormat.PCM16_16K).convert(new byte[320]).length)
			.isGreaterThan(320);
		assertThat(this.first.audioBytes.get()).isZero();
		assertThat(this.sides.recorded).last().isEqualTo("gemini:agent:Das 8h às 18h.");
		assertThat(this.sides.control).isEmpty();
	}

	@Test
	void whenTheLastWordsWereAnsweredTheNewProviderJustListens() {
		ScriptedConversation next = new ScriptedConversation();
		row("gemini", Mono.just(next));
		start();
		this.first.emit(new ProviderEvent.Transcript(true, "Qual o horário?", true));
		this.first.emit(new ProviderEvent.Transcript(false, "Das 8h às 18h.", true));

		this.first.emit(new ProviderEvent.ProviderError("server_error", "The server had an error", true));

		assertThat(this.session.context().provider()).isEqualTo("gemini");
		assertThat(next.requests).isEmpty();
		// What the failed provider still sends is not the call's any more.
		this.first.emit(new ProviderEvent.AudioDelta(new byte[48 * 500]));
		this.first.emit(new ProviderEvent.Transcript(false, "late", true));
		assertThat(this.sides.recorded).noneMatch((line) -> line.endsWith("late"));
	}

	@Test
	void eachProviderIsTriedOnceThenTheCallerHearsTheApologyAndTheCallEnds() {
		ScriptedConversation second = new ScriptedConversation();
		row("gemini", Mono.just(second));
		row("elevenlabs", Mono.error(new ProviderUnavailableException("elevenlabs", "HTTP 503", null)));
		start();
		this.first.drop();
		assertThat(this.session.context().provider()).isEqualTo("gemini");

		second.drop();

		// The first provider is not tried again; the third does not open: the apology, then the hang-up.
		assertThat(this.opened).hasSize(3);
		assertThat(this.spoken).containsExactly("Um momento, por favor.", "Um momento, por favor.",
				"Desculpe, estamos com um problema técnico. Por favor, ligue novamente em alguns minutos.");
		assertThat(this.session.state()).isEqualTo(CallState.ENDING);
		advanceMillis(2000);
		assertThat(this.sides.control).containsExactly("hangup");
		this.session.streamClosed();
		assertThat(this.sides.outcomes).singleElement()
			.satisfies((outcome) -> assertThat(outcome.reason()).contains("provider lost"));
		assertThat(this.registry.counter("voiceai.realtime.failovers", "domain",
				this.session.context().domain().value().toString(), "from", "gemini", "to", "none")
			.count()).isEqualTo(1);
	}

	@Test
	void withoutAnotherProviderTheCallerHearsOnlyTheApology() {
		start();
		this.first.drop();

		assertThat(this.spoken).containsExactly(
				"Desculpe, estamos com um problema técnico. Por favor, ligue novamente em alguns minutos.");
		assertThat(this.session.state()).isEqualTo(CallState.ENDING);
	}

	@Test
	void aRefusalIsNotRetriedElsewhere() {
		row("gemini", Mono.just(new ScriptedConversation()));
		start();

		this.first.emit(new ProviderEvent.ProviderError("invalid_request_error", "Invalid value", false));
		this.first.drop();

		assertThat(this.opened).hasSize(1);
		assertThat(this.spoken).singleElement().asString().startsWith("Desculpe");
		assertThat(this.session.state()).isEqualTo(CallState.ENDING);
	}

	private void row(String name, Mono<ScriptedConversation> opening) {
		this.rows.put(name, new Row(UUID.randomUUID(), opening));
	}

	/** Opens the call as {@link CallSessionFactory} does: through the failover, on the first row that opens. */
	private void start() {
		CallContext context = TestCalls.context("{}");
		ProviderFailover failover = new ProviderFailover(
				(spec, eligible, attempting) -> open(new ArrayList<>(this.rows.keySet()), spec, eligible, attempting),
				new RealtimeSessionSpec("Você é Ana.", null, "pt-BR", AudioFormat.PCM16_8K, List.of()),
				(call, text, rate) -> {
					this.spoken.add(text);
					return Mono.just(new byte[rate]);
				}, new BridgePhrases(JsonMapper.builder().build()), new CallMetrics(this.registry));
		ProviderFailover.Opened first = failover.first().block();
		CallContext call = context.withProvider(first.provider());
		this.session = this.sides.session(call, first.conversation(), new CallMetrics(this.registry), failover,
				this.now::get);
		this.session.start();
	}

	/** As the provider manager does: the eligible rows in order, each tried once, until one opens. */
	private Mono<ProviderFailover.Opened> open(List<String> names, RealtimeSessionSpec spec, Predicate<UUID> eligible,
			Consumer<UUID> attempting) {
		if (names.isEmpty()) {
			return Mono.error(new NoUsableProviderException(null, ProviderType.REALTIME, List.of("none left")));
		}
		String name = names.remove(0);
		Row row = this.rows.get(name);
		if (!eligible.test(row.uuid())) {
			return open(names, spec, eligible, attempting);
		}
		attempting.accept(row.uuid());
		this.opened.add(spec);
		return row.opening()
			.map((conversation) -> new ProviderFailover.Opened(row.uuid(), name, conversation))
			.onErrorResume((error) -> open(names, spec, eligible, attempting));
	}

	private void advanceMillis(long millis) {
		for (long t = 0; t < millis; t += 10) {
			this.now.addAndGet(10 * MILLI);
			this.session.tick();
		}
	}

	private record Row(UUID uuid, Mono<ScriptedConversation> opening) {
	}

}
