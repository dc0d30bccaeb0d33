package org.voiceai.providers.tts;

import java.nio.charset.StandardCharsets;

import org.voiceai.providers.error.ProviderBadRequestException;

/**
 * Checks a {@link SpeechRequest} against one provider's limits before anything is sent, so a request the vendor
 * would refuse (and bill nothing for) fails at once with a message naming the limit.
 */
public final class SpeechInput {

	private SpeechInput() {
	}

	/** The text to send, trimmed; at most {@code maxCharacters} (Unicode code points). */
	public static String text(String provider, SpeechRequest request, int maxCharacters) {
		String text = speakable(provider, request);
		int length = text.codePointCount(0, text.length());
		if (length > maxCharacters) {
			throw new ProviderBadRequestException(provider, "text is " + length + " characters; at most "
					+ maxCharacters + " characters are accepted per request", null);
		}
		return text;
	}

	/** The text to send, trimmed; at most {@code maxBytes} once encoded as UTF-8 (Google counts bytes). */
	public static String textWithinBytes(String provider, SpeechRequest request, int maxBytes) {
		String text = speakable(provider, request);
		int bytes = text.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > maxBytes) {
			throw new ProviderBadRequestException(provider, "text is " + bytes + " bytes in UTF-8; at most " + maxBytes
					+ " bytes are accepted per request", null);
		}
		return text;
	}

	/**
	 * The request's speed within {@code [min, max]}. A secretary has one speed for whichever provider answers, and
	 * each vendor accepts a different range, so an out-of-range speed is moved to the nearest one the vendor takes
	 * rather than failing the call; only a speed that is not a positive number is refused.
	 */
	public static double speed(String provider, SpeechRequest request, double min, double max) {
		double speed = request.speed();
		if (!Double.isFinite(speed) || speed <= 0) {
			throw new ProviderBadRequestException(provider, "speed must be a positive number, got " + speed, null);
		}
		return Math.max(min, Math.min(max, speed));
	}

	private static String speakable(String provider, SpeechRequest request) {
		// SpeechRequest refuses blank text, but no-break and zero-width characters are not blank to String.strip().
		String text = request.text();
		int start = 0;
		int end = text.length();
		while (start < end && !visible(text.codePointAt(start))) {
			start += Character.charCount(text.codePointAt(start));
		}
		while (end > start && !visible(text.codePointBefore(end))) {
			end -= Character.charCount(text.codePointBefore(end));
		}
		if (start == end) {
			throw new ProviderBadRequestException(provider,
					"text has nothing to speak (only spaces or invisible characters)", null);
		}
		return text.substring(start, end);
	}

	private static boolean visible(int point) {
		int type = Character.getType(point);
		return !Character.isWhitespace(point) && !Character.isSpaceChar(point) && type != Character.FORMAT
				&& type != Character.CONTROL;
	}

}
