package org.voiceai.providers.azure;

import java.util.Set;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.tts.TextToSpeech;

/** {@code azure_neural} (aliases {@code azure}, {@code azure_tts}): Azure Speech neural voices over REST. */
public final class AzureTextToSpeechFactory implements ProviderFactory<TextToSpeech> {

	private final ProviderHttp http;

	public AzureTextToSpeechFactory(ProviderHttp http) {
		this.http = http;
	}

	@Override
	public ProviderType<TextToSpeech> type() {
		return ProviderType.TTS;
	}

	@Override
	public String name() {
		return AzureTextToSpeech.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("azure", "azure_tts");
	}

	@Override
	public TextToSpeech create(ProviderConfig config) {
		return new AzureTextToSpeech(AzureTextToSpeechSettings.from(config), this.http);
	}

}
