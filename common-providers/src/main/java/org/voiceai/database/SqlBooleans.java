package org.voiceai.database;

import java.util.Locale;

/**
 * Reads FusionPBX booleans. FusionPBX 5.3/5.4 declared "enabled"-style columns as text holding 'true'/'false';
 * 5.5 declares them boolean. Queries select such columns as {@code column::text}, which yields 'true'/'false' for
 * both, and this class turns that text into a Java boolean.
 */
public final class SqlBooleans {

	private SqlBooleans() {
	}

	/** {@code true} for 'true', 't', '1', 'yes', 'on' (any case); {@code defaultValue} for null or empty. */
	public static boolean parse(String text, boolean defaultValue) {
		if (text == null || text.isBlank()) {
			return defaultValue;
		}
		return switch (text.trim().toLowerCase(Locale.ROOT)) {
			case "true", "t", "1", "yes", "on" -> true;
			default -> false;
		};
	}

}
