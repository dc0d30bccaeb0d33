package org.voiceai.providers.google;

import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.tts.TextToSpeech;

/** {@code google_tts} (alias {@code google}): Google Cloud Text-to-Speech over REST with an API key. */
public final class GoogleTextToSpeechFactory implements ProviderFactory<TextToSpeech> {

	private final ProviderHttp http;

	private final JsonMapper json;

	public GoogleTextToSpeechFactory(ProviderHttp http, JsonMapper json) {
		this.http = http;
		this.json = json;
	}

	@Override
	public ProviderType<TextToSpeech> type() {
		return ProviderType.TTS;
	}

	@Override
	public String name() {
		return GoogleTextToSpeech.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("google");
	}

	@Override
	public TextToSpeech create(ProviderConfig config) {
		return new GoogleTextToSpeech(GoogleTextToSpeechSettings.from(config), this.http, this.json);
	}

}
