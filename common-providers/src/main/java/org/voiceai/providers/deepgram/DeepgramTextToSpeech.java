package org.voiceai.providers.deepgram;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;

import org.voiceai.providers.deepgram.internal.TtsSpeakRequest;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.tts.SpeechAudio;
import org.voiceai.providers.tts.SpeechInput;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.providers.tts.TextToSpeech;

/**
 * Deepgram Aura ({@code POST /v1/speak}). We ask for {@code linear16} in a {@code wav} container at the requested
 * rate, which Deepgram produces itself, so nothing is resampled. The request's voice, when given, is the Aura model
 * ({@code aura-2-thalia-en}).
 */
public final class DeepgramTextToSpeech implements TextToSpeech {

	static final String NAME = "deepgram_aura";

	static final int MAX_CHARACTERS = 2000;

	private final DeepgramTextToSpeechSettings settings;

	private final ProviderHttp http;

	private final WebClient client;

	public DeepgramTextToSpeech(DeepgramTextToSpeechSettings settings, ProviderHttp http) {
		this.settings = settings;
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
	}

	@Override
	public Mono<SynthesizedAudio> synthesize(SpeechRequest request) {
		return Mono.defer(() -> {
			TtsSpeakRequest body = new TtsSpeakRequest(SpeechInput.text(NAME, request, MAX_CHARACTERS));
			String model = (request.voice() != null) ? request.voice() : this.settings.model();
			// Aura-2 speaks at 0.7–1.5x; normal speed is left out so accounts without speed control are unaffected.
			double speed = SpeechInput.speed(NAME, request, 0.7, 1.5);
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri((uri) -> withSpeed(uri.path("/v1/speak")
					.queryParam("model", "{model}")
					.queryParam("encoding", "linear16")
					.queryParam("sample_rate", request.sampleRate())
					.queryParam("container", "wav"), speed)
					.build(model))
				.header(HttpHeaders.AUTHORIZATION, "Token " + this.settings.apiKey())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body);
			return this.http.send(NAME, call, SpeechAudio.Body::read, RetryPolicy.DEFAULT);
		}).map((answer) -> SpeechAudio.fromWav(NAME, answer, request.sampleRate()));
	}

	private static UriBuilder withSpeed(UriBuilder uri, double speed) {
		return (speed == 1.0) ? uri : uri.queryParam("speed", speed);
	}

}
