package org.voiceai.providers.piper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.voiceai.providers.ProviderConfig;

/**
 * A {@code piper_local} row's configuration. The reference ran the piper binary; we call Piper's HTTP server
 * ({@code python3 -m piper.http_server}), so {@code base_url} is required, and the reference's {@code model_path}
 * only names the default voice.
 *
 * @param baseUrl {@code base_url}, required, e.g. {@code http://127.0.0.1:5000}
 * @param synthesizePath {@code synthesize_path}, default {@code /}; piper1-gpl builds with the browser test page
 * answer at {@code /synthesize}
 * @param voice {@code voice}, else the file name of {@code model_path} without {@code .onnx}; {@code null} for the
 * server's own voice
 * @param speaker {@code speaker}: a speaker name, or a number for a speaker id, of a multi-speaker voice
 * @param lengthScale {@code length_scale}, default 1.0; divided by the request's speed
 * @param noiseScale {@code noise_scale}; {@code null} for the voice's own value
 * @param noiseW {@code noise_w}; {@code null} for the voice's own value
 * @param timeout {@code timeout_seconds}, default 30
 */
public record PiperTextToSpeechSettings(URI baseUrl, String synthesizePath, String voice, String speaker,
		double lengthScale, Double noiseScale, Double noiseW, Duration timeout) {

	private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

	public static PiperTextToSpeechSettings from(ProviderConfig config) {
		URI baseUrl = config.url("base_url", null);
		String path = config.string("synthesize_path", "/");
		if (!path.startsWith("/")) {
			throw config.problem("synthesize_path", "must start with /, got '" + path + "'");
		}
		String voice = config.string("voice")
			.or(() -> config.string("model_path").map(PiperTextToSpeechSettings::voiceOf))
			.orElse(null);
		double lengthScale = config.decimal("length_scale", 1.0);
		if (!(lengthScale > 0)) {
			throw config.problem("length_scale", "must be a positive number, got " + lengthScale);
		}
		return new PiperTextToSpeechSettings(baseUrl, path, voice, config.string("speaker").orElse(null),
				lengthScale, optionalDecimal(config, "noise_scale"), optionalDecimal(config, "noise_w"),
				config.seconds("timeout_seconds", Duration.ofSeconds(30)));
	}

	/** {@code data/piper/pt_BR-faber-medium.onnx} → {@code pt_BR-faber-medium}. */
	private static String voiceOf(String modelPath) {
		String file = Path.of(modelPath).getFileName().toString();
		return file.endsWith(".onnx") ? file.substring(0, file.length() - ".onnx".length()) : file;
	}

	private static Double optionalDecimal(ProviderConfig config, String key) {
		return config.has(key) ? config.decimal(key, 0) : null;
	}

	/** The speaker as a number when it is one: Piper takes ids as {@code speaker_id} and names as {@code speaker}. */
	Integer speakerId() {
		return (this.speaker != null && NUMBER.matcher(this.speaker).matches()) ? Integer.valueOf(this.speaker) : null;
	}

	String speakerName() {
		return (this.speaker != null && speakerId() == null) ? this.speaker : null;
	}

}
