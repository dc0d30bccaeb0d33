package org.voiceai.realtime.stream;

import java.nio.charset.StandardCharsets;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Close codes the bridge sends to mod_audio_stream. Codes 4000-4999 are the application range of RFC 6455; each
 * refusal has its own so an operator can tell from FreeSWITCH's log why a stream was refused.
 */
public final class StreamCloseCodes {

	public static final int BAD_REQUEST = 4400;

	public static final int UNAUTHORIZED = 4401;

	public static final int FOREIGN_DOMAIN = 4403;

	public static final int UNKNOWN_SECRETARY = 4404;

	public static final int TOO_MANY_CALLS = 4429;

	public static final int PROVIDER_UNAVAILABLE = 4502;

	private StreamCloseCodes() {
	}

	/** A close status with a reason trimmed to what fits a close frame (123 bytes of UTF-8). */
	public static CloseStatus status(int code, String reason) {
		String text = (reason == null) ? "" : reason;
		while (text.getBytes(StandardCharsets.UTF_8).length > 123) {
			text = text.substring(0, text.length() - 1);
		}
		return new CloseStatus(code, text);
	}

}
