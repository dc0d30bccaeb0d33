package org.voiceai.providers.deepgram;

import java.util.Set;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.tts.TextToSpeech;

/** {@code deepgram_aura} (aliases {@code deepgram}, {@code deepgram_tts}): Deepgram Aura text to speech over REST. */
public final class DeepgramTextToSpeechFactory implements ProviderFactory<TextToSpeech> {

	private final ProviderHttp http;

	public DeepgramTextToSpeechFactory(ProviderHttp http) {
		this.http = http;
	}

	@Override
	public ProviderType<TextToSpeech> type() {
		return ProviderType.TTS;
	}

	@Override
	public String name() {
		return DeepgramTextToSpeech.NAME;
	}

	@Override
	public Set<String> aliases() {
		return Set.of("deepgram", "deepgram_tts");
	}

	@Override
	public TextToSpeech create(ProviderConfig config) {
		return new DeepgramTextToSpeech(DeepgramTextToSpeechSettings.from(config), this.http);
	}

}
