package org.voiceai.providers.google;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.google.internal.SttRecognizeRequest;
import org.voiceai.providers.google.internal.SttRecognizeResponse;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.SpeechToTextAudio;
import org.voiceai.providers.stt.SpeechToTextBadAudioAnswers;
import org.voiceai.providers.stt.Transcription;
import org.voiceai.providers.stt.TranscriptionRequest;

/**
 * Google Cloud Speech-to-Text v1 synchronous recognition with inline audio: raw samples in base64, {@code MULAW}
 * when FreeSWITCH recorded μ-law (half the bytes), else {@code LINEAR16}. Synchronous requests take at most 60 s,
 * checked before any request; the 10 MB inline limit then cannot be reached, as 60 s of 48 kHz mono PCM16 (the most
 * this class sends) is 5.8 MB, 7.7 MB in base64.
 * <p>
 * The API key travels in the URL, which HTTP client exceptions carry; so every failure is rebuilt from its message
 * alone, with the key masked and without the exception chain that holds the URL.
 */
public final class GoogleSpeechToText implements SpeechToText {

	static final String NAME = "google_speech";

	private static final Duration MAX_AUDIO = Duration.ofSeconds(60);

	private final ProviderHttp http;

	private final WebClient client;

	private final GoogleSpeechToTextSettings settings;

	// "Sync input too long", "Inline audio exceeds duration limit", "... bad sample rate hertz".
	private final SpeechToTextBadAudioAnswers badAudio = new SpeechToTextBadAudioAnswers(NAME,
			List.of("sync input too long", "inline audio exceeds", "sample rate hertz", "bad encoding"));

	public GoogleSpeechToText(ProviderHttp http, GoogleSpeechToTextSettings settings) {
		this.http = http;
		this.client = http.client(settings.baseUrl(), settings.timeout());
		this.settings = settings;
	}

	public GoogleSpeechToTextSettings settings() {
		return this.settings;
	}

	@Override
	public Mono<Transcription> transcribe(TranscriptionRequest request) {
		return Mono.defer(() -> {
			SpeechToTextAudio audio = SpeechToTextAudio.read(NAME, request.wav()).requireAtMost(MAX_AUDIO);
			String language = (request.language() != null) ? request.language() : this.settings.language();
			AudioFormat sent = sentFormat(audio.format());
			String content = Base64.getEncoder().encodeToString(audio.samples(sent));
			SttRecognizeRequest body = new SttRecognizeRequest(
					new SttRecognizeRequest.Config((sent.encoding() == AudioEncoding.ULAW) ? "MULAW" : "LINEAR16",
							sent.sampleRate(), language, this.settings.model(), true),
					new SttRecognizeRequest.Audio(content));
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri((uri) -> uri.path("/v1/speech:recognize").queryParam("key", "{key}").build(this.settings.apiKey()))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.bodyValue(body);
			return this.http
				.send(NAME, call, (response) -> response.bodyToMono(SttRecognizeResponse.class), RetryPolicy.DEFAULT)
				.onErrorMap(this::withoutKey)
				.onErrorMap(this.badAudio::recognise)
				.map((response) -> transcription(response, language, audio));
		});
	}

	/** μ-law mono as recorded; anything else as 16-bit mono PCM at a rate LINEAR16 accepts (8–48 kHz). */
	private static AudioFormat sentFormat(AudioFormat recorded) {
		if (recorded.encoding() == AudioEncoding.ULAW && recorded.channels() == 1 && recorded.sampleRate() == 8000) {
			return recorded;
		}
		int rate = recorded.sampleRate();
		return new AudioFormat(AudioEncoding.PCM16, (rate >= 8000 && rate <= 48000) ? rate : 16000, 1);
	}

	private static Transcription transcription(SttRecognizeResponse response, String requested,
			SpeechToTextAudio audio) {
		List<SttRecognizeResponse.Alternative> best = (response.results() == null) ? List.of()
				: response.results()
					.stream()
					.filter((result) -> result.alternatives() != null && !result.alternatives().isEmpty())
					.map((result) -> result.alternatives().get(0))
					.toList();
		String text = best.stream()
			.map(SttRecognizeResponse.Alternative::transcript)
			.filter(Objects::nonNull)
			.map(String::trim)
			.filter((part) -> !part.isEmpty())
			.collect(Collectors.joining(" "));
		OptionalDouble confidence = best.stream()
			.map(SttRecognizeResponse.Alternative::confidence)
			.filter((value) -> value != null && value > 0)
			.mapToDouble(Double::doubleValue)
			.average();
		return new Transcription(text, requested, confidence.isPresent() ? confidence.getAsDouble() : null,
				audio.duration(), NAME);
	}

	/** The same failure with the key masked and no cause; Google answers a bad key with 400 "API key not valid". */
	private Throwable withoutKey(Throwable error) {
		if (!(error instanceof ProviderException failure)) {
			return error;
		}
		String prefix = NAME + ": ";
		String message = failure.getMessage().startsWith(prefix) ? failure.getMessage().substring(prefix.length())
				: failure.getMessage();
		message = message.replace(this.settings.apiKey(), "***");
		if (failure instanceof ProviderAuthException || (failure instanceof ProviderBadRequestException
				&& message.toLowerCase(Locale.ROOT).contains("api key"))) {
			return new ProviderAuthException(NAME, message, null);
		}
		if (failure instanceof ProviderRateLimitException limited) {
			return new ProviderRateLimitException(NAME, message, limited.retryAfter(), null);
		}
		if (failure instanceof ProviderTimeoutException) {
			return new ProviderTimeoutException(NAME, message, null);
		}
		if (failure instanceof ProviderBadAudioException) {
			return new ProviderBadAudioException(NAME, message, null);
		}
		if (failure instanceof ProviderBadRequestException) {
			return new ProviderBadRequestException(NAME, message, null);
		}
		return new ProviderUnavailableException(NAME, message, null);
	}

}
