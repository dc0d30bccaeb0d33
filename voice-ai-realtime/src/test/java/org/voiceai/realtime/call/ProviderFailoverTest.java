package org.voiceai.realtime.call;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.NoUsableProviderException;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.realtime.RealtimeSessionSpec.Turn;
import org.voiceai.realtime.TestCalls;
import org.voiceai.tenant.Secretary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which provider a call moves to, with what, and what the caller hears meanwhile. */
class ProviderFailoverTest {

	static final RealtimeSessionSpec SPEC = new RealtimeSessionSpec("Você é Ana.", null, "pt-BR",
			AudioFormat.PCM16_8K, List.of());

	final UUID openai = UUID.randomUUID();

	final UUID gemini = UUID.randomUUID();

	final List<UUID> attempted = new ArrayList<>();

	final List<RealtimeSessionSpec> specs = new ArrayList<>();

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final BridgePhrases phrases = new BridgePhrases(JsonMapper.builder().build());

	/** Two rows, OpenAI first; the first eligible one opens. */
	final ProviderFailover failover = new ProviderFailover((spec, eligible, attempting) -> {
		for (UUID row : List.of(this.openai, this.gemini)) {
			if (eligible.test(row)) {
				attempting.accept(row);
				this.attempted.add(row);
				this.specs.add(spec);
				return Mono.just(new ProviderFailover.Opened(row, row.equals(this.openai) ? "openai_realtime" : "gemini",
						new ScriptedConversation()));
			}
		}
		return Mono.error(new NoUsableProviderException(null, ProviderType.REALTIME, List.of("all tried")));
	}, SPEC, (call, text, rate) -> Mono.just(text.getBytes()), this.phrases, new CallMetrics(this.registry));

	@Test
	void eachRowIsTriedOncePerCallAndTheNextGetsTheHistory() {
		CallContext call = TestCalls.context("{}");
		assertThat(this.failover.first().block().provider()).isEqualTo("openai_realtime");
		this.failover.heard(true, " Qual o horário? ");
		this.failover.heard(false, "Das 8h às 18h.");
		AtomicInteger found = new AtomicInteger();

		assertThat(this.failover.next(call, "connection lost", found::incrementAndGet).block().provider())
			.isEqualTo("gemini");
		assertThat(found.get()).isEqualTo(1);
		assertThat(this.specs.get(0).history()).isEmpty();
		assertThat(this.specs.get(1).history()).containsExactly(Turn.caller("Qual o horário?"),
				Turn.agent("Das 8h às 18h."));
		assertThat(this.specs.get(1).instructions()).isEqualTo(SPEC.instructions());

		CallContext onGemini = call.withProvider("gemini");
		assertThatThrownBy(() -> this.failover.next(onGemini, "closed 1011", found::incrementAndGet).block())
			.isInstanceOf(NoUsableProviderException.class);
		// No candidate: the caller is not asked to hold.
		assertThat(found.get()).isEqualTo(1);
		assertThat(this.attempted).containsExactly(this.openai, this.gemini);
		String domain = call.domain().value().toString();
		assertThat(this.registry.counter("voiceai.realtime.failovers", "domain", domain, "from", "openai_realtime",
				"to", "gemini").count()).isEqualTo(1);
		assertThat(this.registry.counter("voiceai.realtime.failovers", "domain", domain, "from", "gemini", "to",
				"none").count()).isEqualTo(1);
	}

	@Test
	void theCallersLastWordsAreUnansweredUntilTheAgentSpeaks() {
		assertThat(this.failover.unansweredCallerWords()).isNull();
		this.failover.heard(false, "Bom dia!");
		assertThat(this.failover.unansweredCallerWords()).isNull();
		this.failover.heard(true, "Qual o horário?");
		this.failover.heard(true, "  ");
		assertThat(this.failover.unansweredCallerWords()).isEqualTo("Qual o horário?");
		this.failover.heard(false, "Das 8h às 18h.");
		assertThat(this.failover.unansweredCallerWords()).isNull();
	}

	@Test
	void onlyTheLatestTurnsAreCarried() {
		for (int n = 0; n < ProviderFailover.MAX_TURNS + 5; n++) {
			this.failover.heard(n % 2 == 0, "turn " + n);
		}
		List<Turn> history = this.failover.history();
		assertThat(history).hasSize(ProviderFailover.MAX_TURNS);
		assertThat(history.get(0).text()).isEqualTo("turn 5");
		assertThat(history.get(history.size() - 1).text()).isEqualTo("turn " + (ProviderFailover.MAX_TURNS + 4));
	}

	@Test
	void theHoldingPhraseAndTheApologyAreInTheSecretarysLanguage() {
		CallContext call = TestCalls.context("{}");
		assertThat(new String(this.failover.holdingPhrase(call, 8000).block())).isEqualTo("Um momento, por favor.");
		assertThat(this.phrases.holding(secretary("es-ES", null, "{}"))).isEqualTo("Un momento, por favor.");
		assertThat(this.phrases.holding(secretary("en-US", null, "{}"))).isEqualTo("One moment, please.");
		assertThat(this.phrases.apology(secretary("en-US", null, "{}"))).startsWith("Sorry, we are having");
		assertThat(this.phrases.apology(secretary("pt-BR", "Desculpe, tivemos um problema técnico.", "{}")))
			.isEqualTo("Desculpe, tivemos um problema técnico.");
		assertThat(new String(this.failover.apology(call, 8000).block())).startsWith("Desculpe, estamos com um problema");
	}

	@Test
	void theHoldingPhraseCanBeSetInTheSecretarysAdvancedSettings() {
		assertThat(this.phrases.holding(secretary("de-DE", null, "{\"holding_message\": \" Einen Moment, bitte. \"}")))
			.isEqualTo("Einen Moment, bitte.");
		// Blank, not text, or unreadable JSON: the default in the secretary's language, never silence.
		assertThat(this.phrases.holding(secretary("pt-BR", null, "{\"holding_message\": \"  \"}")))
			.isEqualTo("Um momento, por favor.");
		assertThat(this.phrases.holding(secretary("es-MX", null, "{\"holding_message\": 3}")))
			.isEqualTo("Un momento, por favor.");
		assertThat(this.phrases.holding(secretary("en-GB", null, "{not json"))).isEqualTo("One moment, please.");
	}

	private static Secretary secretary(String language, String fallback, String advancedSettings) {
		Secretary ana = TestCalls.context("{}").secretary();
		Secretary.Prompts prompts = new Secretary.Prompts(null, "Bom dia!", null, null, fallback, null, null);
		return new Secretary(ana.uuid(), ana.domain(), ana.name(), ana.companyName(), ana.extension(), ana.mode(),
				language, prompts, ana.providers(), ana.voice(), ana.model(), ana.limits(), ana.transfer(),
				ana.businessInfoJson(), advancedSettings, ana.webhookUrl());
	}

}
