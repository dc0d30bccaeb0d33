package org.voiceai.realtime.provider.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderConfig;

/**
 * An {@code openai_realtime} row's configuration.
 *
 * @param apiKey {@code api_key}
 * @param baseUrl {@code base_url}, default {@value #DEFAULT_BASE_URL}; {@code ?model=} is appended
 * @param model {@code model}, default {@value #DEFAULT_MODEL}
 * @param voice {@code voice}, default {@value #DEFAULT_VOICE}; a call's own voice wins
 * @param turnDetection {@code turn_detection} and its parameters
 * @param transcriptionModel {@code transcription_model}, default {@value #DEFAULT_TRANSCRIPTION_MODEL}
 * @param noiseReduction {@code noise_reduction}: {@code near_field}, {@code far_field}, or {@code null} for off
 * @param maxSessionAge {@code max_session_minutes}, default 55: a fresh session replaces the current one after this
 *        long, before OpenAI's 60-minute cap ends it
 * @param connectTimeout {@code connect_timeout_seconds}, default 10: connect and session setup together
 * @param audioFormat {@code audio_format}: {@code auto} (default: G.711 for an 8 kHz caller — A-law when it sends
 *        A-law, else μ-law — and PCM16 at 24 kHz for a 16 kHz one), {@code pcm}, {@code pcmu} or {@code pcma} to force
 *        one
 */
public record OpenAiRealtimeSettings(String apiKey, URI baseUrl, String model, String voice,
		TurnDetection turnDetection, String transcriptionModel, String noiseReduction, Duration maxSessionAge,
		Duration connectTimeout, String audioFormat) {

	private static final Set<String> AUDIO_FORMATS = Set.of("auto", "pcm", "pcmu", "pcma");

	public static final String DEFAULT_BASE_URL = "wss://api.openai.com/v1/realtime";

	public static final String DEFAULT_MODEL = "gpt-realtime";

	public static final String DEFAULT_VOICE = "marin";

	public static final String DEFAULT_TRANSCRIPTION_MODEL = "gpt-4o-mini-transcribe";

	/** OpenAI ends a Realtime session after 60 minutes. */
	static final Duration SESSION_CAP = Duration.ofMinutes(60);

	public static OpenAiRealtimeSettings from(ProviderConfig config) {
		String noiseReduction = config.string("noise_reduction").map((v) -> v.toLowerCase(Locale.ROOT)).orElse(null);
		if (noiseReduction != null && !Set.of("near_field", "far_field", "off").contains(noiseReduction)) {
			throw config.problem("noise_reduction", "must be near_field, far_field or off, got '" + noiseReduction + "'");
		}
		double maxMinutes = config.decimal("max_session_minutes", 55);
		if (!(maxMinutes > 0) || maxMinutes >= SESSION_CAP.toMinutes()) {
			throw config.problem("max_session_minutes", "must be more than 0 and less than 60 (OpenAI's session cap)");
		}
		String audioFormat = config.string("audio_format", "auto").toLowerCase(Locale.ROOT);
		if (!AUDIO_FORMATS.contains(audioFormat)) {
			throw config.problem("audio_format", "must be auto, pcm, pcmu or pcma, got '" + audioFormat + "'");
		}
		return new OpenAiRealtimeSettings(config.requireString("api_key"), config.url("base_url", DEFAULT_BASE_URL),
				config.string("model", DEFAULT_MODEL), config.string("voice", DEFAULT_VOICE),
				TurnDetection.from(config), config.string("transcription_model", DEFAULT_TRANSCRIPTION_MODEL),
				"off".equals(noiseReduction) ? null : noiseReduction, Duration.ofMillis(Math.round(maxMinutes * 60_000)),
				config.seconds("connect_timeout_seconds", Duration.ofSeconds(10)), audioFormat);
	}

	/**
	 * The format of both audio directions for a caller sending {@code callerFormat}: the API takes G.711 at 8 kHz or
	 * PCM16 at 24 kHz only. An 8 kHz call was G.711 on the phone line anyway, so G.711 loses nothing, needs no
	 * resampling and carries a sixth of the bytes; wideband callers keep their bandwidth with 24 kHz PCM.
	 */
	public AudioFormat sessionFormat(AudioFormat callerFormat) {
		return switch (this.audioFormat) {
			case "pcm" -> AudioFormat.PCM16_24K;
			case "pcmu" -> AudioFormat.ULAW_8K;
			case "pcma" -> AudioFormat.ALAW_8K;
			default -> isG711(callerFormat, AudioEncoding.ALAW) ? AudioFormat.ALAW_8K
					: isNarrowband(callerFormat) ? AudioFormat.ULAW_8K : AudioFormat.PCM16_24K;
		};
	}

	private static boolean isNarrowband(AudioFormat format) {
		return format != null && format.sampleRate() == 8000 && format.channels() == 1;
	}

	private static boolean isG711(AudioFormat format, AudioEncoding encoding) {
		return format != null && format.encoding() == encoding && format.sampleRate() == 8000
				&& format.channels() == 1;
	}

	/** The WebSocket URL of a session: the base URL with {@code ?model=}. */
	public URI sessionUri() {
		String separator = (this.baseUrl.getRawQuery() != null) ? "&" : "?";
		return URI.create(this.baseUrl + separator + "model=" + this.model);
	}

	@Override
	public String toString() {
		return "OpenAiRealtimeSettings[baseUrl=" + this.baseUrl + ", model=" + this.model + ", voice=" + this.voice
				+ ", turnDetection=" + this.turnDetection + ", transcriptionModel=" + this.transcriptionModel
				+ ", noiseReduction=" + this.noiseReduction + ", maxSessionAge=" + this.maxSessionAge
				+ ", connectTimeout=" + this.connectTimeout + ", audioFormat=" + this.audioFormat + "]";
	}

	/**
	 * How OpenAI decides that the caller finished a turn ({@code turn_detection}: {@code server_vad}, the default, or
	 * {@code semantic_vad}). Both create a response and interrupt the current one when the caller speaks.
	 *
	 * @param type {@code server_vad} or {@code semantic_vad}
	 * @param threshold {@code vad_threshold} 0..1, default 0.5 (server_vad)
	 * @param prefixPaddingMs {@code vad_prefix_padding_ms}, default 300 (server_vad)
	 * @param silenceDurationMs {@code vad_silence_duration_ms}, default 500 (server_vad)
	 * @param eagerness {@code vad_eagerness}: low, medium, high or auto, default auto (semantic_vad)
	 */
	public record TurnDetection(String type, double threshold, int prefixPaddingMs, int silenceDurationMs,
			String eagerness) {

		public static final String SERVER_VAD = "server_vad";

		public static final String SEMANTIC_VAD = "semantic_vad";

		static TurnDetection from(ProviderConfig config) {
			String type = config.string("turn_detection", SERVER_VAD).toLowerCase(Locale.ROOT);
			if (!SERVER_VAD.equals(type) && !SEMANTIC_VAD.equals(type)) {
				throw config.problem("turn_detection", "must be server_vad or semantic_vad, got '" + type + "'");
			}
			double threshold = config.decimal("vad_threshold", 0.5);
			if (!(threshold >= 0 && threshold <= 1)) {
				throw config.problem("vad_threshold", "must be between 0 and 1");
			}
			int prefix = config.integer("vad_prefix_padding_ms", 300);
			int silence = config.integer("vad_silence_duration_ms", 500);
			if (prefix < 0 || silence <= 0) {
				throw config.problem((prefix < 0) ? "vad_prefix_padding_ms" : "vad_silence_duration_ms",
						"must be a positive number of milliseconds");
			}
			String eagerness = config.string("vad_eagerness", "auto").toLowerCase(Locale.ROOT);
			if (!Set.of("low", "medium", "high", "auto").contains(eagerness)) {
				throw config.problem("vad_eagerness", "must be low, medium, high or auto, got '" + eagerness + "'");
			}
			return new TurnDetection(type, threshold, prefix, silence, eagerness);
		}

	}

}
