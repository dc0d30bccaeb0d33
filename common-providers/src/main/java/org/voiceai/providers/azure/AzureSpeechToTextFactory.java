package org.voiceai.providers.azure;

import java.time.Duration;
import java.util.regex.Pattern;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.stt.SpeechToText;

/**
 * {@code azure_speech}: builds {@link AzureSpeechToText}. The key may be stored as {@code api_key} or, as the
 * reference implementation named it, {@code subscription_key}.
 */
public final class AzureSpeechToTextFactory implements ProviderFactory<SpeechToText> {

	// The region becomes part of a host name.
	private static final Pattern REGION = Pattern.compile("[a-z0-9]+");

	private final ProviderHttp http;

	public AzureSpeechToTextFactory(ProviderHttp http) {
		this.http = http;
	}

	@Override
	public ProviderType<SpeechToText> type() {
		return ProviderType.STT;
	}

	@Override
	public String name() {
		return AzureSpeechToText.NAME;
	}

	@Override
	public SpeechToText create(ProviderConfig config) {
		String apiKey = config.string("api_key")
			.or(() -> config.string("subscription_key"))
			.orElseThrow(() -> config.problem("api_key", "is missing (subscription_key is accepted too)"));
		String region = config.string("region", "brazilsouth");
		if (!REGION.matcher(region).matches()) {
			throw config.problem("region", "must be an Azure region name such as brazilsouth, got '" + region + "'");
		}
		return new AzureSpeechToText(this.http,
				new AzureSpeechToTextSettings(config.url("base_url", "https://" + region + ".stt.speech.microsoft.com"),
						apiKey, config.string("language", "pt-BR"),
						config.seconds("timeout_seconds", Duration.ofSeconds(30))));
	}

}
