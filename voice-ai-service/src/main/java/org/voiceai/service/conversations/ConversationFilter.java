package org.voiceai.service.conversations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Which conversations to list; null fields do not filter.
 *
 * @param from conversations started at or after this instant
 * @param to conversations started before this instant
 */
record ConversationFilter(UUID secretaryUuid, String finalAction, Instant from, Instant to) {

	/**
	 * Reads the query parameters. {@code from} and {@code to} are ISO-8601 date-times with offset, or dates (UTC);
	 * a {@code to} date includes that whole day.
	 */
	static ConversationFilter of(UUID secretaryUuid, String finalAction, String from, String to) {
		Instant start = instant("from", from, false);
		Instant end = instant("to", to, true);
		if (start != null && end != null && !start.isBefore(end)) {
			throw new IllegalArgumentException("from must be before to");
		}
		return new ConversationFilter(secretaryUuid, (finalAction == null || finalAction.isBlank()) ? null
				: finalAction.trim(), start, end);
	}

	private static Instant instant(String name, String text, boolean endOfDay) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			if (text.trim().length() == 10) {
				LocalDate date = LocalDate.parse(text.trim());
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			return OffsetDateTime.parse(text.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " is not an ISO-8601 date (2026-03-31) or date-time "
					+ "(2026-03-31T14:00:00-03:00): '" + ((text.length() > 40) ? text.substring(0, 40) + "…" : text)
					+ "'");
		}
	}

}
