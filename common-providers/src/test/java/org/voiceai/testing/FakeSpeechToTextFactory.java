package org.voiceai.testing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.Transcription;
import org.voiceai.providers.stt.TranscriptionRequest;

/**
 * A speech-to-text provider for manager tests, named {@code fake_stt} (alias {@code fake_alias}). Config:
 * {@code api_key} (required, a secret), {@code mode} ok|fail|bad_request|slow, {@code label}, optional integer
 * {@code timeout_seconds}. It counts how many instances were built and how often each was called.
 */
public class FakeSpeechToTextFactory implements ProviderFactory<SpeechToText> {

	private final AtomicInteger created = new AtomicInteger();

	@Override
	public ProviderType<SpeechToText> type() {
		return ProviderType.STT;
	}

	@Override
	public String name() {
		return "fake_stt";
	}

	@Override
	public Set<String> aliases() {
		return Set.of("fake_alias");
	}

	@Override
	public SpeechToText create(ProviderConfig config) {
		String apiKey = config.requireString("api_key");
		String mode = config.string("mode", "ok");
		if (!Set.of("ok", "fail", "bad_request", "slow").contains(mode)) {
			throw config.problem("mode", "must be ok, fail, bad_request or slow");
		}
		config.integer("timeout_seconds", 10);
		this.created.incrementAndGet();
		return new FakeSpeechToText(config.string("label", "fake"), apiKey, mode);
	}

	public int created() {
		return this.created.get();
	}

	/** The fake instance; {@link #apiKey()} lets tests check which domain's secret it was built with. */
	public static final class FakeSpeechToText implements SpeechToText {

		private final String label;

		private final String apiKey;

		private final String mode;

		private final AtomicInteger calls = new AtomicInteger();

		FakeSpeechToText(String label, String apiKey, String mode) {
			this.label = label;
			this.apiKey = apiKey;
			this.mode = mode;
		}

		@Override
		public Mono<Transcription> transcribe(TranscriptionRequest request) {
			return Mono.defer(() -> {
				this.calls.incrementAndGet();
				return switch (this.mode) {
					case "fail" -> Mono.error(new ProviderUnavailableException("fake_stt", "HTTP 503", null));
					case "bad_request" -> Mono.error(new ProviderBadRequestException("fake_stt", "HTTP 400", null));
					case "slow" -> Mono.never();
					default -> Mono.just(new Transcription(this.label, "pt-BR", 0.9, Duration.ofSeconds(1), "fake_stt"));
				};
			});
		}

		public String label() {
			return this.label;
		}

		public String apiKey() {
			return this.apiKey;
		}

		public int calls() {
			return this.calls.get();
		}

	}

}
