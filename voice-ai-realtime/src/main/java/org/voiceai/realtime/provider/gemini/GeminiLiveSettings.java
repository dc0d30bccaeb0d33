package org.voiceai.realtime.provider.gemini;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderConfig;

/**
 * A {@code gemini_live} row's configuration.
 *
 * @param apiKey {@code api_key}, sent as the {@code x-goog-api-key} header
 * @param baseUrl {@code base_url}, default {@value #DEFAULT_BASE_URL}
 * @param model {@code model}, default {@value #DEFAULT_MODEL}; {@code models/} is prefixed when missing
 * @param voice {@code voice}, a prebuilt voice name, default {@value #DEFAULT_VOICE}; a call's own voice wins
 * @param activityDetection {@code vad_*} and {@code activity_handling}: Gemini's automatic activity detection
 * @param inputSampleRate {@code input_sample_rate}: 16000 (default, the model's native rate), 8000 or 24000
 * @param contextCompression {@code context_window_compression}, default true: a sliding window lifts the ~15-minute
 *        limit of audio sessions
 * @param sessionResumption {@code session_resumption}, default true: connections are replaced with a resumption
 *        handle; without one the conversation is replayed as client content
 * @param maxConnectionAge {@code max_connection_minutes}, default 9: a connection is replaced before the service's
 *        ~10-minute limit ends it (sooner when the service sends {@code goAway})
 * @param maxSessionAge {@code max_session_minutes}, default 14, used without context compression only: a fresh
 *        session carrying the conversation replaces the current one before the ~15-minute audio session limit
 * @param connectTimeout {@code connect_timeout_seconds}, default 10: connect and setup together
 */
public record GeminiLiveSettings(String apiKey, URI baseUrl, String model, String voice,
		ActivityDetection activityDetection, int inputSampleRate, boolean contextCompression,
		boolean sessionResumption, Duration maxConnectionAge, Duration maxSessionAge, Duration connectTimeout) {

	public static final String DEFAULT_BASE_URL = "wss://generativelanguage.googleapis.com/ws/"
			+ "google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";

	public static final String DEFAULT_MODEL = "models/gemini-2.5-flash-native-audio-preview-12-2025";

	public static final String DEFAULT_VOICE = "Puck";

	/** The service closes a connection after about ten minutes. */
	static final Duration CONNECTION_CAP = Duration.ofMinutes(10);

	/** An audio-only session without context compression ends after about fifteen minutes. */
	static final Duration SESSION_CAP = Duration.ofMinutes(15);

	/** Output audio is always PCM16 mono at 24 kHz. */
	public static final AudioFormat OUTPUT_FORMAT = AudioFormat.PCM16_24K;

	public static GeminiLiveSettings from(ProviderConfig config) {
		int rate = config.integer("input_sample_rate", 16000);
		if (!Set.of(8000, 16000, 24000).contains(rate)) {
			throw config.problem("input_sample_rate", "must be 8000, 16000 or 24000, got " + rate);
		}
		String model = config.string("model", DEFAULT_MODEL);
		return new GeminiLiveSettings(config.requireString("api_key"), config.url("base_url", DEFAULT_BASE_URL),
				model.startsWith("models/") || model.startsWith("projects/") ? model : "models/" + model,
				config.string("voice", DEFAULT_VOICE), ActivityDetection.from(config), rate,
				config.bool("context_window_compression", true), config.bool("session_resumption", true),
				minutes(config, "max_connection_minutes", 9, CONNECTION_CAP),
				minutes(config, "max_session_minutes", 14, SESSION_CAP),
				config.seconds("connect_timeout_seconds", Duration.ofSeconds(10)));
	}

	private static Duration minutes(ProviderConfig config, String key, double defaultValue, Duration cap) {
		double minutes = config.decimal(key, defaultValue);
		if (!(minutes > 0) || minutes >= cap.toMinutes()) {
			throw config.problem(key, "must be more than 0 and less than " + cap.toMinutes()
					+ " (the service's own limit)");
		}
		return Duration.ofMillis(Math.round(minutes * 60_000));
	}

	/** PCM16 mono at {@link #inputSampleRate()}: what {@code realtimeInput.audio} carries. */
	public AudioFormat inputFormat() {
		return switch (this.inputSampleRate) {
			case 8000 -> AudioFormat.PCM16_8K;
			case 24000 -> AudioFormat.PCM16_24K;
			default -> AudioFormat.PCM16_16K;
		};
	}

	/** How long a session may live before a fresh one replaces it, or {@code null} when compression lifts the cap. */
	Duration sessionLimit() {
		return this.contextCompression ? null : this.maxSessionAge;
	}

	@Override
	public String toString() {
		return "GeminiLiveSettings[baseUrl=" + this.baseUrl + ", model=" + this.model + ", voice=" + this.voice
				+ ", activityDetection=" + this.activityDetection + ", inputSampleRate=" + this.inputSampleRate
				+ ", contextCompression=" + this.contextCompression + ", sessionResumption=" + this.sessionResumption
				+ ", maxConnectionAge=" + this.maxConnectionAge + ", maxSessionAge=" + this.maxSessionAge
				+ ", connectTimeout=" + this.connectTimeout + "]";
	}

	/**
	 * Gemini's automatic activity detection ({@code realtimeInputConfig}). Unset values are left to the service.
	 *
	 * @param startSensitivity {@code vad_start_sensitivity}: {@code high} or {@code low}, or {@code null}
	 * @param endSensitivity {@code vad_end_sensitivity}: {@code high} or {@code low}, or {@code null}
	 * @param prefixPaddingMs {@code vad_prefix_padding_ms}, or {@code null}
	 * @param silenceDurationMs {@code vad_silence_duration_ms}, or {@code null}
	 * @param interrupts {@code activity_handling}: {@code interrupts} (default: caller speech interrupts the agent) or
	 *        {@code no_interruption}
	 */
	public record ActivityDetection(String startSensitivity, String endSensitivity, Integer prefixPaddingMs,
			Integer silenceDurationMs, boolean interrupts) {

		static ActivityDetection from(ProviderConfig config) {
			String start = sensitivity(config, "vad_start_sensitivity");
			String end = sensitivity(config, "vad_end_sensitivity");
			Integer prefix = config.has("vad_prefix_padding_ms") ? config.integer("vad_prefix_padding_ms", 0) : null;
			Integer silence = config.has("vad_silence_duration_ms") ? config.integer("vad_silence_duration_ms", 0)
					: null;
			if (prefix != null && prefix < 0) {
				throw config.problem("vad_prefix_padding_ms", "must be a positive number of milliseconds");
			}
			if (silence != null && silence <= 0) {
				throw config.problem("vad_silence_duration_ms", "must be a positive number of milliseconds");
			}
			String handling = config.string("activity_handling", "interrupts").toLowerCase(Locale.ROOT);
			if (!Set.of("interrupts", "no_interruption").contains(handling)) {
				throw config.problem("activity_handling", "must be interrupts or no_interruption, got '" + handling + "'");
			}
			return new ActivityDetection(start, end, prefix, silence, "interrupts".equals(handling));
		}

		private static String sensitivity(ProviderConfig config, String key) {
			String value = config.string(key).map((v) -> v.toLowerCase(Locale.ROOT)).orElse(null);
			if (value != null && !Set.of("high", "low").contains(value)) {
				throw config.problem(key, "must be high or low, got '" + value + "'");
			}
			return value;
		}

	}

}
