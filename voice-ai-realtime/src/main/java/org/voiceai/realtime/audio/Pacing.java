package org.voiceai.realtime.audio;

import java.time.Duration;

/**
 * How agent audio is paced out to FreeSWITCH.
 *
 * @param lead how far ahead of real time frames may be sent: the most the caller can still hear after a barge-in
 * @param prebuffer how much audio beyond the lead a reply (or a reply resuming after a gap) gathers before its first
 *        frame is sent, waiting at most that long: a provider that streams at real time then has this much more
 *        slack before the caller hears a gap, while one that sends faster (most do) loses nothing
 */
public record Pacing(Duration lead, Duration prebuffer) {

	public Pacing {
		if (lead.isNegative() || prebuffer.isNegative()) {
			throw new IllegalArgumentException("pacing durations must not be negative");
		}
	}

}
