package org.voiceai.transfer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a destination takes calls, from its {@code working_hours} JSON:
 * {@code {"days": ["mon","tue","wed","thu","fri"], "start": "08:00", "end": "18:00", "timezone": "America/Sao_Paulo"}}.
 * Days may also be ISO numbers (1 = Monday … 7 = Sunday). An end before the start spans midnight.
 *
 * @param days the days it opens (on which the opening time falls)
 * @param start opening time
 * @param end closing time
 * @param zone the destination's time zone
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

	/** Always open: what a destination without working hours means. */
	public static final WorkingHours ALWAYS = new WorkingHours(EnumSet.allOf(DayOfWeek.class), LocalTime.MIN,
			LocalTime.MAX, ZoneId.of("UTC"));

	public WorkingHours {
		days = Set.copyOf(days);
	}

	public boolean isOpen(Instant instant) {
		ZonedDateTime now = instant.atZone(this.zone);
		LocalTime time = now.toLocalTime();
		if (!this.end.isBefore(this.start)) {
			return this.days.contains(now.getDayOfWeek()) && !time.isBefore(this.start) && !time.isAfter(this.end);
		}
		// Overnight: open from start today, or until end on the morning after an opening day.
		return (this.days.contains(now.getDayOfWeek()) && !time.isBefore(this.start))
				|| (this.days.contains(now.getDayOfWeek().minus(1)) && !time.isAfter(this.end));
	}

}
