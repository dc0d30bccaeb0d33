package org.voiceai.realtime.provider.pipeline;

import java.util.UUID;
import java.util.regex.Pattern;

import dev.langchain4j.model.chat.request.ChatRequest;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ChatStreamEvent;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.tenant.DomainId;

/**
 * The domain's own chat-model and text-to-speech rows, through the provider manager: the row the pipeline row names
 * (by name or UUID) first, then the domain's others, with the manager's circuit breakers and failover. A chat stream
 * fails over until its first event; after that the reply belongs to the model that started it.
 */
final class ManagedPipelineServices implements PipelineServices {

	private static final Pattern UUID_TEXT = Pattern
		.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final ProviderManager providers;

	private final DomainId domain;

	private final ProviderSelector llm;

	private final ProviderSelector tts;

	ManagedPipelineServices(ProviderManager providers, DomainId domain, String llmProvider, String ttsProvider) {
		this.providers = providers;
		this.domain = domain;
		this.llm = selector(llmProvider);
		this.tts = selector(ttsProvider);
	}

	/** A row's UUID selects that row; anything else is a provider name (blank: the domain's default). */
	static ProviderSelector selector(String nameOrUuid) {
		if (nameOrUuid != null && UUID_TEXT.matcher(nameOrUuid).matches()) {
			return ProviderSelector.byId(UUID.fromString(nameOrUuid));
		}
		return ProviderSelector.byName(nameOrUuid);
	}

	@Override
	public Mono<Flux<ChatStreamEvent>> chat(ChatRequest request) {
		return this.providers.execute(this.domain, ProviderType.LLM, this.llm, (provider) -> {
			// The stream is read into a replaying sink so that waiting for its first event (which decides the
			// failover) does not consume it; cancelling the reply disposes the model's stream.
			Sinks.Many<ChatStreamEvent> events = Sinks.many().replay().all();
			Disposable upstream = provider.instance()
				.stream(request)
				.subscribe(events::tryEmitNext, events::tryEmitError, events::tryEmitComplete);
			Flux<ChatStreamEvent> reply = events.asFlux().doOnCancel(upstream::dispose);
			return events.asFlux()
				.next()
				.thenReturn(reply)
				.doOnCancel(upstream::dispose)
				.doOnError((error) -> upstream.dispose());
		});
	}

	@Override
	public Mono<SynthesizedAudio> speak(SpeechRequest request) {
		return this.providers.execute(this.domain, ProviderType.TTS, this.tts,
				(provider) -> provider.instance().synthesize(request));
	}

}
