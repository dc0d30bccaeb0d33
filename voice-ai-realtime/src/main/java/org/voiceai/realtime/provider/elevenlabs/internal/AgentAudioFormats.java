package org.voiceai.realtime.provider.elevenlabs.internal;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;

/**
 * ElevenLabs' audio format names ({@code pcm_16000}, {@code ulaw_8000}, ...) as {@link AudioFormat}s. Only the rates
 * the bridge's converter handles map; an agent set to 22.05, 44.1 or 48 kHz must be reconfigured.
 */
public final class AgentAudioFormats {

	/** The formats an agent may use with this bridge, for error messages. */
	public static final String SUPPORTED = "pcm_8000, pcm_16000, pcm_24000 or ulaw_8000";

	private AgentAudioFormats() {
	}

	/** The format named {@code name}, or {@code null} when the bridge cannot use it. */
	public static AudioFormat parse(String name) {
		return switch (name) {
			case "pcm_8000" -> AudioFormat.PCM16_8K;
			case "pcm_16000" -> AudioFormat.PCM16_16K;
			case "pcm_24000" -> AudioFormat.PCM16_24K;
			case "ulaw_8000" -> AudioFormat.ULAW_8K;
			default -> null;
		};
	}

	/** The ElevenLabs name of {@code format}. */
	public static String name(AudioFormat format) {
		return (format.encoding() == AudioEncoding.ULAW) ? "ulaw_" + format.sampleRate()
				: "pcm_" + format.sampleRate();
	}

}
