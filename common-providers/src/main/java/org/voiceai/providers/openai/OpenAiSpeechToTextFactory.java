package org.voiceai.providers.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.stt.SpeechToText;

/**
 * Builds {@link OpenAiSpeechToText} for one {@link OpenAiSpeechToTextVariant}; one bean per variant, so
 * {@code whisper_api}, {@code groq} and {@code whisper_local} differ only in their defaults.
 */
public final class OpenAiSpeechToTextFactory implements ProviderFactory<SpeechToText> {

	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private static final Set<String> FORMATS = Set.of("json", "verbose_json");

	private final ProviderHttp http;

	private final OpenAiSpeechToTextVariant variant;

	public OpenAiSpeechToTextFactory(ProviderHttp http, OpenAiSpeechToTextVariant variant) {
		this.http = http;
		this.variant = variant;
	}

	@Override
	public ProviderType<SpeechToText> type() {
		return ProviderType.STT;
	}

	@Override
	public String name() {
		return this.variant.name();
	}

	@Override
	public Set<String> aliases() {
		return this.variant.aliases();
	}

	@Override
	public SpeechToText create(ProviderConfig config) {
		URI baseUrl = config.url("base_url", this.variant.defaultBaseUrl());
		String apiKey = this.variant.apiKeyRequired() ? config.requireString("api_key")
				: config.string("api_key").orElse(null);
		String model = config.string("model", this.variant.defaultModel());
		String format = config.string("response_format", jsonOnly(model) ? "json" : "verbose_json")
			.toLowerCase(Locale.ROOT);
		if (!FORMATS.contains(format)) {
			throw config.problem("response_format", "must be json or verbose_json");
		}
		if (format.equals("verbose_json") && jsonOnly(model)) {
			throw config.problem("response_format", "verbose_json is not supported by model " + model + "; use json");
		}
		return new OpenAiSpeechToText(this.http,
				new OpenAiSpeechToTextSettings(name(), baseUrl, apiKey, model, config.string("language").orElse(null),
						config.string("prompt").orElse(null), format,
						config.seconds("timeout_seconds", DEFAULT_TIMEOUT)));
	}

	/** The gpt-4o family of transcription models answers only {@code json} or {@code text}. */
	private static boolean jsonOnly(String model) {
		return model.toLowerCase(Locale.ROOT).startsWith("gpt-");
	}

}
