package org.voiceai.realtime.call;

import java.util.Locale;

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
 * Speaks the secretary's {@code fallback_message} (or a default in its language) with the domain's text-to-speech
 * provider, the cascaded one that does not depend on the realtime provider that just failed.
 */
public class SpokenApology implements Apology {

	private final ProviderManager providers;

	public SpokenApology(ProviderManager providers) {
		this.providers = providers;
	}

	@Override
	public Mono<byte[]> audio(CallContext call, int sampleRate) {
		Secretary secretary = call.secretary();
		SpeechRequest request = new SpeechRequest(text(secretary), secretary.voice().voiceId(), secretary.language(),
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

	static String text(Secretary secretary) {
		String configured = secretary.prompts().fallback();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		String language = (secretary.language() == null) ? "" : secretary.language().toLowerCase(Locale.ROOT);
		if (language.startsWith("pt")) {
			return "Desculpe, estamos com um problema técnico. Por favor, ligue novamente em alguns minutos.";
		}
		if (language.startsWith("es")) {
			return "Lo sentimos, tenemos un problema técnico. Por favor, llame de nuevo en unos minutos.";
		}
		return "Sorry, we are having a technical problem. Please call again in a few minutes.";
	}

}
