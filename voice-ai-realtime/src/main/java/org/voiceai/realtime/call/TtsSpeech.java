package org.voiceai.realtime.call;

import reactor.core.publisher.Mono;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.realtime.audio.AudioConverter;
import org.voiceai.tenant.Secretary;

/**
 * Speaks with the secretary's text-to-speech provider (its voice and speed), the cascaded one that does not depend
 * on the realtime provider that just failed; the domain's other TTS rows are its fallbacks.
 */
public class TtsSpeech implements Speech {

	private final ProviderManager providers;

	public TtsSpeech(ProviderManager providers) {
		this.providers = providers;
	}

	@Override
	public Mono<byte[]> audio(CallContext call, String text, int sampleRate) {
		Secretary secretary = call.secretary();
		SpeechRequest request = new SpeechRequest(text, secretary.voice().voiceId(), secretary.language(),
				secretary.voice().speed(), sampleRate);
		return this.providers
			.execute(call.domain(), ProviderType.TTS, ProviderSelector.byId(secretary.providers().tts()),
					(tts) -> tts.instance().synthesize(request))
			.map((speech) -> {
				Wav.Audio audio = Wav.read(speech.wav());
				AudioFormat target = new AudioFormat(AudioEncoding.PCM16, sampleRate, 1);
				return new AudioConverter(audio.format(), target).convert(audio.samples());
			});
	}

}
