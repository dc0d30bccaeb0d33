package org.voiceai.providers.google;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.google.internal.TtsSynthesizeRequest;
import org.voiceai.providers.google.internal.TtsSynthesizeResponse;
import org.voiceai.providers.google.internal.TtsVoiceList;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.http.RetryPolicy;
import org.voiceai.providers.tts.SpeechAudio;
import org.voiceai.providers.tts.SpeechInput;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.Voice;
import org.voiceai.providers.tts.VoiceLanguage;

/**
 * Google Cloud Text-to-Speech ({@code POST /v1/text:synthesize}). We ask for {@code LINEAR16} at the requested rate,
 * which Google returns as a base64 WAV file, so nothing is resampled.
 * <p>
 * The API key travels in the URL ({@code ?key=}), so every failure is rebuilt with the key masked and without its
 * cause chain, whose exceptions may hold the request URL.
 */
public final class GoogleTextToSpeech implements TextToSpeech {

	static final String NAME = "google_tts";

	static final int MAX_TEXT_BYTES = 5000;

	/** Google voice names start with their language: {@code pt-BR-Wavenet-A}, {@code cmn-CN-Standard-A}. */
	private static final Pattern VOICE_LANGUAGE = Pattern.compile("^([a-z]{2,3}-[A-Z][A-Za-z]{1,3})-");

	private final GoogleTextToSpeechSettings settings;

	private final ProviderHttp http;

	private final JsonMapper json;

	private final WebClient client;

	public GoogleTextToSpeech(GoogleTextToSpeechSettings settings, ProviderHttp http, JsonMapper json) {
		this.settings = settings;
		this.http = http;
		this.json = json;
		this.client = http.client(settings.baseUrl(), settings.timeout());
	}

	@Override
	public Mono<SynthesizedAudio> synthesize(SpeechRequest request) {
		return Mono.defer(() -> {
			String voice = (request.voice() != null) ? request.voice() : this.settings.voiceName();
			TtsSynthesizeRequest body = new TtsSynthesizeRequest(
					new TtsSynthesizeRequest.Input(SpeechInput.textWithinBytes(NAME, request, MAX_TEXT_BYTES)),
					new TtsSynthesizeRequest.VoiceSelection(languageCode(voice, request.language()), voice),
					new TtsSynthesizeRequest.AudioConfig("LINEAR16", request.sampleRate(),
							SpeechInput.speed(NAME, request, 0.25, 4.0)));
			WebClient.RequestHeadersSpec<?> call = this.client.post()
				.uri((uri) -> uri.path("/v1/text:synthesize")
					.queryParam("key", "{key}")
					.build(Map.of("key", this.settings.apiKey())))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.bodyValue(body);
			return this.http.send(NAME, call, SpeechAudio.Body::read, RetryPolicy.DEFAULT);
		}).onErrorMap(ProviderException.class, this::masked).map((answer) -> toAudio(answer, request.sampleRate()));
	}

	/** Google's voices for {@code language} (all voices when it is blank). */
	@Override
	public Flux<Voice> voices(String language) {
		Map<String, String> values = new HashMap<>();
		values.put("key", this.settings.apiKey());
		if (language != null && !language.isBlank()) {
			values.put("language", VoiceLanguage.bcp47(language));
		}
		WebClient.RequestHeadersSpec<?> call = this.client.get().uri((uri) -> {
			uri.path("/v1/voices");
			if (values.containsKey("language")) {
				uri.queryParam("languageCode", "{language}");
			}
			return uri.queryParam("key", "{key}").build(values);
		}).accept(MediaType.APPLICATION_JSON);
		return this.http.send(NAME, call, (response) -> response.bodyToMono(TtsVoiceList.class), RetryPolicy.DEFAULT)
			.onErrorMap(ProviderException.class, this::masked)
			.flatMapIterable((list) -> (list.voices() != null) ? list.voices() : List.of())
			.filter((entry) -> entry.name() != null)
			.map(GoogleTextToSpeech::toVoice);
	}

	private static Voice toVoice(TtsVoiceList.Entry entry) {
		List<String> languages = (entry.languageCodes() != null) ? entry.languageCodes() : List.of();
		return new Voice(entry.name(), entry.name(), languages.isEmpty() ? null : languages.get(0),
				(entry.ssmlGender() != null) ? entry.ssmlGender().toLowerCase(Locale.ROOT) : null);
	}

	/** Google refuses a language that is not the voice's own, so a voice name's language wins. */
	private String languageCode(String voice, String requested) {
		Matcher matcher = VOICE_LANGUAGE.matcher(voice);
		if (matcher.find()) {
			return matcher.group(1);
		}
		return (requested != null && !requested.isBlank()) ? requested : this.settings.languageCode();
	}

	private SynthesizedAudio toAudio(SpeechAudio.Body answer, int sampleRate) {
		byte[] wav;
		try {
			TtsSynthesizeResponse response = this.json.readValue(answer.bytes(), TtsSynthesizeResponse.class);
			if (response.audioContent() == null || response.audioContent().isEmpty()) {
				throw new ProviderUnavailableException(NAME,
						"answered with JSON that is not audio: it has no audioContent", null);
			}
			wav = Base64.getDecoder().decode(response.audioContent());
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ProviderUnavailableException(NAME, "answered with something that is not audio ("
					+ answer.contentType() + ", " + answer.bytes().length
					+ " bytes): JSON with base64 audioContent was expected", null);
		}
		return SpeechAudio.fromWav(NAME, new SpeechAudio.Body(MediaType.parseMediaType("audio/wav"), wav), sampleRate);
	}

	private ProviderException masked(ProviderException error) {
		String prefix = NAME + ": ";
		String message = error.getMessage().startsWith(prefix) ? error.getMessage().substring(prefix.length())
				: error.getMessage();
		message = message.replace(this.settings.apiKey(), "***");
		if (error instanceof ProviderAuthException
				|| (error instanceof ProviderBadRequestException && message.contains("API key not valid"))) {
			// Google answers a wrong API key with 400 INVALID_ARGUMENT; it is a credentials problem all the same.
			return new ProviderAuthException(NAME, message, null);
		}
		if (error instanceof ProviderRateLimitException limited) {
			return new ProviderRateLimitException(NAME, message, limited.retryAfter(), null);
		}
		if (error instanceof ProviderTimeoutException) {
			return new ProviderTimeoutException(NAME, message, null);
		}
		if (error instanceof ProviderBadAudioException) {
			return new ProviderBadAudioException(NAME, message, null);
		}
		if (error instanceof ProviderBadRequestException) {
			return new ProviderBadRequestException(NAME, message, null);
		}
		return new ProviderUnavailableException(NAME, message, null);
	}

}
