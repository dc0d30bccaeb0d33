package org.voiceai.realtime.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.NoUsableProviderException;
import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;

/** Our own interface, scripted: records what the session asked the provider to say and the audio it was sent. */
final class ScriptedConversation implements RealtimeConversation {

	final List<String> requests = new CopyOnWriteArrayList<>();

	final Sinks.Many<ProviderEvent> events = Sinks.many().unicast().onBackpressureBuffer();

	final AtomicInteger audioBytes = new AtomicInteger();

	private final AudioFormat format;

	private volatile boolean closed;

	ScriptedConversation() {
		this(AudioFormat.PCM16_24K);
	}

	ScriptedConversation(AudioFormat format) {
		this.format = format;
	}

	/** A call whose domain has no other realtime provider: a failure ends it with the (silent) apology. */
	static ProviderFailover noFailover() {
		RealtimeSessionSpec spec = new RealtimeSessionSpec("", null, "pt-BR", AudioFormat.PCM16_8K, List.of());
		return new ProviderFailover((session, eligible, attempting) -> Mono.error(new NoUsableProviderException(null,
				ProviderType.REALTIME, List.of())), spec, (call, text, rate) -> Mono.empty(),
				new BridgePhrases(JsonMapper.builder().build()), new CallMetrics(new SimpleMeterRegistry()));
	}

	/** The provider says something. */
	void emit(ProviderEvent event) {
		this.events.tryEmitNext(event);
	}

	/** The connection drops. */
	void drop() {
		this.events.tryEmitComplete();
	}

	boolean isClosed() {
		return this.closed;
	}

	@Override
	public AudioFormat inputFormat() {
		return this.format;
	}

	@Override
	public AudioFormat outputFormat() {
		return this.format;
	}

	@Override
	public void sendAudio(byte[] audio) {
		this.audioBytes.addAndGet(audio.length);
	}

	@Override
	public Flux<ProviderEvent> events() {
		return this.events.asFlux();
	}

	@Override
	public Mono<Void> sendToolResult(String callId, String resultJson) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> respond(String instructions) {
		return Mono.fromRunnable(() -> this.requests.add(instructions));
	}

	@Override
	public Mono<Void> interrupt(long playedMillis) {
		return Mono.empty();
	}

	@Override
	public Mono<Void> close() {
		return Mono.fromRunnable(() -> {
			this.closed = true;
			this.events.tryEmitComplete();
		});
	}

}
