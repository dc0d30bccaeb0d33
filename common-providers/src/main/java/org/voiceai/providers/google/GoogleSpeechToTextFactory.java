package org.voiceai.providers.google;

import java.time.Duration;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.stt.SpeechToText;

/** {@code google_speech}: builds {@link GoogleSpeechToText} from a provider row holding an API key. */
public final class GoogleSpeechToTextFactory implements ProviderFactory<SpeechToText> {

	private final ProviderHttp http;

	public GoogleSpeechToTextFactory(ProviderHttp http) {
		this.http = http;
	}

	@Override
	public ProviderType<SpeechToText> type() {
		return ProviderType.STT;
	}

	@Override
	public String name() {
		return GoogleSpeechToText.NAME;
	}

	@Override
	public SpeechToText create(ProviderConfig config) {
		return new GoogleSpeechToText(this.http,
				new GoogleSpeechToTextSettings(config.url("base_url", "https://speech.googleapis.com"),
						config.requireString("api_key"), config.string("language", "pt-BR"),
						config.string("model").orElse(null),
						config.seconds("timeout_seconds", Duration.ofSeconds(30))));
	}

}
