package org.voiceai.providers.deepgram;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.providers.deepgram.internal.SttListenResponse;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.SpeechToTextAudio;
import org.voiceai.providers.stt.SpeechToTextBadAudioAnswers;
import org.voiceai.providers.stt.Transcription;
import org.voiceai.providers.stt.TranscriptionRequest;

/**
 * Deepgram pre-recorded transcription: the WAV is the raw request body ({@code audio/wav}), options are query
 * parameters. Deepgram reads the WAV header itself, so 8 kHz telephone audio goes as is, only G.711 is decoded.
 */
public final class DeepgramSpeechToText implements SpeechToText {

	static final String NAME = "deepgram";

	private static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

	private final ProviderHttp http;

	private final WebClient client;

	private final DeepgramSpeechToTextSettings settings;

	// "Bad Request: failed to process audio: corrupt or unsupported data" and its relatives.
	private final SpeechToTextBadAudioAnswers badAudio = new SpeechToTextBadAudioAnswers(NAME,
			List.of("corrupt or unsupported data", "failed to process audio"));

	public DeepgramSpeechToText(ProviderHttp http, DeepgramSpeechToTextSettings settings) {
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
		this.settings = settings;
	}

	public DeepgramSpeechToTextSettings settings() {
		return this.settings;
	}

	@Override
	public Mono<Transcription> transcribe(TranscriptionRequest request) {
		return Mono.defer(() -> {
			SpeechToTextAudio audio = SpeechToTextAudio.read(NAME, request.wav());
			String language = this.settings.detectLanguage() ? null
					: (request.language() != null) ? request.language() : this.settings.language();
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri((uri) -> {
					uri.path("/v1/listen").queryParam("model", this.settings.model());
					if (language != null) {
						uri.queryParam("language", language);
					}
					else {
						uri.queryParam("detect_language", true);
					}
					return uri.queryParam("smart_format", this.settings.smartFormat())
						.queryParam("punctuate", this.settings.punctuate())
						.build();
				})
				.header(HttpHeaders.AUTHORIZATION, "Token " + this.settings.apiKey())
				.contentType(AUDIO_WAV)
				.accept(MediaType.APPLICATION_JSON)
				.bodyValue(audio.wav(audio.pcm16Mono()));
			return this.http
				.send(NAME, call, (response) -> response.bodyToMono(SttListenResponse.class), RetryPolicy.DEFAULT)
				.onErrorMap(this.badAudio::recognise)
				.map((body) -> transcription(body, language, audio));
		});
	}

	private static Transcription transcription(SttListenResponse body, String requested, SpeechToTextAudio audio) {
		SttListenResponse.Channel channel = (body.results() != null && body.results().channels() != null
				&& !body.results().channels().isEmpty()) ? body.results().channels().get(0) : null;
		SttListenResponse.Alternative best = (channel != null && channel.alternatives() != null
				&& !channel.alternatives().isEmpty()) ? channel.alternatives().get(0) : null;
		String text = (best != null && best.transcript() != null) ? best.transcript().trim() : "";
		Double confidence = (best != null && !text.isEmpty()) ? best.confidence() : null;
		String language = (channel != null && channel.detectedLanguage() != null) ? channel.detectedLanguage()
				: requested;
		Double seconds = (body.metadata() != null) ? body.metadata().duration() : null;
		Duration duration = (seconds != null && seconds > 0) ? Duration.ofMillis(Math.round(seconds * 1000))
				: audio.duration();
		return new Transcription(text, language, confidence, duration, NAME);
	}

}
