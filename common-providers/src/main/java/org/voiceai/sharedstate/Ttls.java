package org.voiceai.sharedstate;

import java.time.Duration;

/** The one TTL rule both implementations enforce, so they accept and reject exactly the same calls. */
final class Ttls {

	private Ttls() {
	}

	/**
	 * Rejects a missing TTL and any TTL under 1 ms: Redis expiries have millisecond resolution, so a shorter one
	 * would be an error there and "never expires" nowhere.
	 */
	static Duration require(Duration ttl) {
		if (ttl == null || ttl.toMillis() < 1) {
			throw new IllegalArgumentException("ttl must be at least 1 ms, was " + ttl);
		}
		return ttl;
	}
}
