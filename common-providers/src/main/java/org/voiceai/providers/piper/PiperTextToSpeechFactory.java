package org.voiceai.providers.piper;

import java.util.Set;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.tts.TextToSpeech;

/** {@code piper_local} (alias {@code piper}): a Piper HTTP server on the network, no key. */
public final class PiperTextToSpeechFactory implements ProviderFactory<TextToSpeech> {

	private final ProviderHttp http;

	public PiperTextToSpeechFactory(ProviderHttp http) {
		this.http = http;
	}

	@Override
	public ProviderType<TextToSpeech> type() {
		return ProviderType.TTS;
	}

	@Override
	public String name() {
		return PiperTextToSpeech.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("piper");
	}

	@Override
	public TextToSpeech create(ProviderConfig config) {
		return new PiperTextToSpeech(PiperTextToSpeechSettings.from(config), this.http);
	}

}
