package org.voiceai.service.transcribe;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.providers.stt.TranscriptionRequest;
import org.voiceai.service.audio.AudioTooLargeException;
import org.voiceai.service.web.SecretaryNotFoundException;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.SecretaryRepository;

/**
 * Speech-to-text for one utterance: validates the WAV before any provider is called, picks the provider (the
 * request's, else the secretary's, else the domain's default) and fails over through the provider manager.
 */
public class TranscribeService {

	private final ProviderManager providers;

	private final SecretaryRepository secretaries;

	private final long maxBytes;

	public TranscribeService(ProviderManager providers, SecretaryRepository secretaries, long maxBytes) {
		this.providers = providers;
		this.secretaries = secretaries;
		this.maxBytes = maxBytes;
	}

	public Mono<TranscribeResponse> transcribe(DomainId domain, byte[] wav, String language, String provider,
			UUID secretary) {
		return Mono.defer(() -> {
			if (wav.length > this.maxBytes) {
				return Mono.error(new AudioTooLargeException(wav.length, this.maxBytes));
			}
			Wav.read(wav);
			long started = System.nanoTime();
			return selector(domain, provider, secretary).flatMap((selector) -> this.providers.execute(domain,
					ProviderType.STT, selector, (stt) -> stt.instance().transcribe(new TranscriptionRequest(wav, language, null))))
				.map((result) -> TranscribeResponse.from(result,
						Duration.ofNanos(System.nanoTime() - started).toMillis()));
		});
	}

	/**
	 * The request's provider name wins; else the secretary's STT provider row; else the domain's default. A
	 * secretary that is not this domain's is an error (404), as everywhere else.
	 */
	Mono<ProviderSelector> selector(DomainId domain, String provider, UUID secretary) {
		if (provider != null && !provider.isBlank()) {
			return Mono.just(ProviderSelector.byName(provider));
		}
		if (secretary == null) {
			return Mono.just(ProviderSelector.byDefault());
		}
		return this.secretaries.find(domain, secretary)
			.map((found) -> ProviderSelector.byId(found.providers().stt()))
			.switchIfEmpty(Mono.error(() -> new SecretaryNotFoundException(secretary)));
	}

}
