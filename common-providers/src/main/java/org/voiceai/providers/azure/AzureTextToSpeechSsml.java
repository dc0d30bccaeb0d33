package org.voiceai.providers.azure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSML document Azure speaks. Text and attribute values are escaped, and characters XML 1.0 forbids are dropped,
 * so a caller's "<", "&" or a stray control character cannot break the document (Azure answers 400 to invalid SSML).
 */
final class AzureTextToSpeechSsml {

	/** Azure voice names start with their locale: {@code pt-BR-FranciscaNeural}. */
	private static final Pattern VOICE_LOCALE = Pattern.compile("^([a-z]{2,3}-[A-Z][A-Za-z]{1,3})-");

	private AzureTextToSpeechSsml() {
	}

	/**
	 * @param voice the voice's short name
	 * @param language the document language, or {@code null} for the voice's own locale
	 * @param speed speaking rate, 1.0 is normal
	 * @param text plain text
	 */
	static String build(String voice, String language, double speed, String text) {
		String lang = (language != null && !language.isBlank()) ? language : localeOf(voice);
		String spoken = escape(text);
		if (Math.abs(speed - 1.0) >= 0.005) {
			spoken = "<prosody rate='" + String.format(Locale.ROOT, "%+.0f%%", (speed - 1.0) * 100) + "'>" + spoken
					+ "</prosody>";
		}
		return "<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='" + escape(lang)
				+ "'><voice name='" + escape(voice) + "'>" + spoken + "</voice></speak>";
	}

	private static String localeOf(String voice) {
		Matcher matcher = VOICE_LOCALE.matcher(voice);
		return matcher.find() ? matcher.group(1) : "en-US";
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((point) -> {
			switch (point) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (allowedInXml(point)) {
						out.appendCodePoint(point);
					}
				}
			}
		});
		return out.toString();
	}

	private static boolean allowedInXml(int point) {
		return point == 0x9 || point == 0xA || point == 0xD || (point >= 0x20 && point <= 0xD7FF)
				|| (point >= 0xE000 && point <= 0xFFFD) || (point >= 0x10000 && point <= 0x10FFFF);
	}

}
