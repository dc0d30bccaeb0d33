package org.voiceai.providers.azure;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import org.voiceai.providers.ProviderConfig;

/**
 * An {@code azure_neural} row's configuration; key names and defaults are the Python reference's.
 *
 * @param apiKey {@code api_key}, or the reference's {@code subscription_key}
 * @param baseUrl {@code base_url}, default {@code https://<region>.tts.speech.microsoft.com}
 * @param voiceName {@code voice_name}, default {@value #DEFAULT_VOICE_NAME}
 * @param timeout {@code timeout_seconds}, default 30
 */
public record AzureTextToSpeechSettings(String apiKey, URI baseUrl, String voiceName, Duration timeout) {

	public static final String DEFAULT_REGION = "brazilsouth";

	public static final String DEFAULT_VOICE_NAME = "pt-BR-FranciscaNeural";

	// The region becomes part of a host name, so only what Azure region names are made of is accepted.
	private static final Pattern REGION = Pattern.compile("[a-z0-9]+");

	public static AzureTextToSpeechSettings from(ProviderConfig config) {
		String apiKey = config.string("api_key")
			.or(() -> config.string("subscription_key"))
			.orElseThrow(() -> config.problem("api_key",
					"is missing (the reference's subscription_key is accepted too)"));
		String region = config.string("region", DEFAULT_REGION);
		if (!REGION.matcher(region).matches()) {
			throw config.problem("region", "must be an Azure region name such as brazilsouth, got '" + region + "'");
		}
		return new AzureTextToSpeechSettings(apiKey,
				config.url("base_url", "https://" + region + ".tts.speech.microsoft.com"),
				config.string("voice_name", DEFAULT_VOICE_NAME),
				config.seconds("timeout_seconds", Duration.ofSeconds(30)));
	}

	@Override
	public String toString() {
		return "AzureTextToSpeechSettings[baseUrl=" + this.baseUrl + ", voiceName=" + this.voiceName + ", timeout="
				+ this.timeout + "]";
	}

}
